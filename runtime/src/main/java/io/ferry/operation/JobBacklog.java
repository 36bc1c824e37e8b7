package io.ferry.operation;

import io.ferry.config.FerryConfig;
import io.ferry.execution.ExecutableProcess;
import io.ferry.persistence.DueJobs;
import io.ferry.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The bound on jobs waiting to run ({@code quarkus.ferry.jobs.max-backlog}): a process that runs service tasks
 * starts no instance while the backlog is at it, and the start is refused with 429 and Retry-After rather than
 * adding to a queue that grows without end.
 */
@ApplicationScoped
public class JobBacklog {

    /** Seconds a client refused for a full job backlog is asked to wait: a few worker runs. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    DueJobs dueJobs;
    @Inject
    FerryConfig config;
    @Inject
    Clock clock;

    /** The problem a start of the process is refused with now, or none when it may start. */
    Uni<Optional<Problem>> refusesStartOf(ExecutableProcess process) {
        if (!process.callsServiceTasks()) {
            return Uni.createFrom().item(Optional.empty());
        }
        long limit = config.jobs().maxBacklog();
        return dueJobs.size(clock.instant()).map(waiting -> waiting < limit ? Optional.<Problem>empty()
                : Optional.of(InstanceProblems.jobBacklogFull(process.id(), waiting, limit, RETRY_AFTER_SECONDS)));
    }
}
