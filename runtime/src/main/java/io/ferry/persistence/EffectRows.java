package io.ferry.persistence;

import io.ferry.execution.Effect;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows an operation's effects write besides the instance and its history: timers, jobs, job
 * incidents and message subscriptions, each list in the order the effects came.
 */
public record EffectRows(List<DueChange> timers, List<DueChange> jobs, List<IncidentChange> incidents,
        List<SubscriptionChange> subscriptions) {

    public static final EffectRows NONE = new EffectRows(List.of(), List.of(), List.of(), List.of());

    public EffectRows {
        timers = List.copyOf(timers);
        jobs = List.copyOf(jobs);
        incidents = List.copyOf(incidents);
        subscriptions = List.copyOf(subscriptions);
    }

    /** The rows an outcome's effects ask for. */
    public static EffectRows of(UUID instanceId, List<Effect> effects) {
        if (effects.isEmpty()) {
            return NONE;
        }
        List<DueChange> timers = new ArrayList<>();
        List<DueChange> jobs = new ArrayList<>();
        List<IncidentChange> incidents = new ArrayList<>();
        List<SubscriptionChange> subscriptions = new ArrayList<>();
        Effect.Visitor rows = new Effect.Visitor() {
            @Override
            public void scheduleTimer(Effect.ScheduleTimer timer) {
                timers.add(new DueChange(instanceId, timer.timerId(), timer.dueAt()));
            }

            @Override
            public void cancelTimer(Effect.CancelTimer timer) {
                timers.add(new DueChange(instanceId, timer.timerId(), null));
            }

            @Override
            public void scheduleJob(Effect.ScheduleJob job) {
                jobs.add(new DueChange(instanceId, job.jobId(), job.dueAt()));
            }

            @Override
            public void cancelJob(Effect.CancelJob job) {
                jobs.add(new DueChange(instanceId, job.jobId(), null));
            }

            @Override
            public void openIncident(Effect.OpenIncident incident) {
                incidents.add(IncidentChange.opened(instanceId, incident.jobId(), incident.nodeId(), incident.message(),
                        incident.attempts()));
            }

            @Override
            public void closeIncident(Effect.CloseIncident incident) {
                incidents.add(IncidentChange.closed(instanceId, incident.jobId()));
            }

            @Override
            public void openSubscription(Effect.OpenSubscription open) {
                subscriptions.add(new SubscriptionChange(instanceId, open.subscriptionId(), open.messageName(),
                        open.correlationKey()));
            }

            @Override
            public void closeSubscription(Effect.CloseSubscription close) {
                subscriptions.add(new SubscriptionChange(instanceId, close.subscriptionId(), null, null));
            }
        };
        effects.forEach(effect -> effect.accept(rows));
        return new EffectRows(timers, jobs, incidents, subscriptions);
    }

    /**
     * These rows with those the migration on load wrote (timers it set, subscriptions it opened), unless
     * the operation itself changed the same timer or subscription, whose row then stands alone (one change
     * per row and statement).
     */
    public EffectRows withMigration(EffectRows migration) {
        if (migration.timers.isEmpty() && migration.subscriptions.isEmpty()) {
            return this;
        }
        Map<String, DueChange> byTimer = new LinkedHashMap<>();
        migration.timers.forEach(change -> byTimer.put(change.id(), change));
        timers.forEach(change -> byTimer.put(change.id(), change));
        Map<String, SubscriptionChange> bySubscription = new LinkedHashMap<>();
        migration.subscriptions.forEach(change -> bySubscription.put(change.subscriptionId(), change));
        subscriptions.forEach(change -> bySubscription.put(change.subscriptionId(), change));
        return new EffectRows(List.copyOf(byTimer.values()), jobs, incidents, List.copyOf(bySubscription.values()));
    }

    /** The subscriptions opened: a buffered message may be waiting for one of them. */
    public List<SubscriptionChange> openedSubscriptions() {
        return subscriptions.stream().filter(SubscriptionChange::opened).toList();
    }

    /**
     * These rows with up to {@code count} of the jobs made due by {@code now} claimed until {@code until}: the
     * writing pod hands them to its own workers, which run them without a claim of their own.
     */
    public EffectRows claimingJobs(int count, Instant now, Instant until) {
        List<DueChange> claimed = new ArrayList<>(jobs.size());
        int left = count;
        for (DueChange job : jobs) {
            if (left > 0 && job.dueAt() != null && !job.dueAt().isAfter(now)) {
                claimed.add(job.claimedUntil(until));
                left--;
            } else {
                claimed.add(job);
            }
        }
        return new EffectRows(timers, claimed, incidents, subscriptions);
    }

    /** How many job rows are made due by {@code now}: jobs a worker could run at once. */
    public int jobsDueBy(Instant now) {
        return (int) jobs.stream().filter(job -> job.dueAt() != null && !job.dueAt().isAfter(now)).count();
    }

    /** The jobs made due claimed for the writing pod's own workers, as its workers hold a claim. */
    public List<DueRows.Claimed> claimedJobs() {
        return jobs.stream().filter(job -> job.claimedUntil() != null).map(job -> new DueRows.Claimed(job.instanceId(), job.id(),
                job.dueAt(), OffsetDateTime.ofInstant(job.claimedUntil(), ZoneOffset.UTC))).toList();
    }

    /** Whether some job is made due that the writing pod did not claim: any pod's workers may look for it now. */
    public boolean leavesJobsToTheWorkers() {
        return jobs.stream().anyMatch(job -> job.dueAt() != null && job.claimedUntil() == null);
    }
}
