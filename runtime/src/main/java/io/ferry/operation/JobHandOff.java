package io.ferry.operation;

import io.ferry.config.FerryConfig;
import io.ferry.persistence.DueRows;
import io.ferry.persistence.EffectRows;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.StoredInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Hands the jobs an operation makes due to this pod's workers: as many as it has free handler slots are
 * claimed in the operation's own statement, and run as soon as it is stored, with no poll, claim or read
 * between. A pod that dies first loses the claim when the lease ends, as a worker's claim.
 */
@ApplicationScoped
public class JobHandOff {

    /** Fired after an operation stored a job that is due: a worker of this pod may look at once. */
    public record JobsDue() {
    }

    /**
     * Fired after an operation stored jobs claimed for this pod's workers, one slot taken for each
     * ({@link JobSlots}): run them now, with the instance as the operation stored it (no claim and no
     * read of their own), and give each slot back when its job's run ends.
     */
    public record JobsHandedOff(List<DueRows.Claimed> jobs, StoredInstance instance, LoadedInstance current) {
    }

    @Inject
    JobSlots slots;
    @Inject
    FerryConfig config;
    @Inject
    Event<JobsDue> jobsDue;
    @Inject
    Event<JobsHandedOff> jobsHandedOff;

    /** The rows with as many of the jobs due now as this pod has free handler slots claimed for its own workers. */
    EffectRows claiming(EffectRows effects, Instant now) {
        int due = effects.jobsDueBy(now);
        int taken = due == 0 ? 0 : slots.tryTake(due);
        return taken == 0 ? effects : effects.claimingJobs(taken, now, now.plus(config.jobs().lease()));
    }

    /** The rows were not stored: the slots their claims took are free again. */
    void notStored(EffectRows effects) {
        slots.giveBack(effects.claimedJobs().size());
    }

    /**
     * Hands the jobs claimed for this pod to its workers, with a copy of the instance as stored (the response
     * goes on with the original), and lets them know at once of any other job made due, rather than at their
     * next poll.
     */
    void stored(EffectRows effects, StoredInstance stored, LoadedInstance current) {
        List<DueRows.Claimed> claimed = effects.claimedJobs();
        if (!claimed.isEmpty()) {
            StoredInstance copy = new StoredInstance(stored.row().copy(), stored.openIncidents(), stored.appliedMigrations());
            jobsHandedOff.fire(new JobsHandedOff(claimed, copy, current));
        }
        if (effects.leavesJobsToTheWorkers()) {
            jobsDue.fire(new JobsDue());
        }
    }
}
