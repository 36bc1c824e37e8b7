package io.ferry.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.config.FerryConfig;
import io.ferry.execution.EngineCommand;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.OperationContext;
import io.ferry.execution.Outcome;
import io.ferry.execution.ProcessEngine;
import io.ferry.execution.Refusal;
import io.ferry.persistence.DueJobs;
import io.ferry.persistence.DueRows;
import io.ferry.persistence.EffectRows;
import io.ferry.persistence.HistoryAppender;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.IncidentChange;
import io.ferry.persistence.IncidentRecord;
import io.ferry.persistence.InstanceChange;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.MessageDelivery;
import io.ferry.persistence.MigrationOnLoad;
import io.ferry.persistence.StoredInstance;
import io.ferry.problem.Problem;
import io.ferry.rollout.MigrationRecording;
import io.ferry.rollout.MigrationRefusal;
import io.ferry.state.InstanceState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The operations that change an instance. Each reads the instance with one statement and stores
 * its whole outcome with one more, under the revision it read ({@link InstanceStore}): one
 * transaction, nothing stored when the engine refuses. An operation whose instance another
 * operation or a sweep changed in between is applied again to what is stored now, unless the
 * client named the revision it meant (If-Match): then it is a 409.
 */
@ApplicationScoped
public class InstanceOperations {

    /** How often an operation without If-Match is applied again after losing a race for its instance. */
    static final int ATTEMPTS = 5;

    @Inject
    DeployedProcesses processes;
    @Inject
    ProcessEngine engine;
    @Inject
    InstanceMarshaller marshaller;
    @Inject
    HistoryAppender history;
    @Inject
    InstanceStore store;
    @Inject
    Clock clock;
    @Inject
    MigrationRecording migrationRecording;
    @Inject
    ClosedTasks closedTasks;
    @Inject
    Event<JobsDue> jobsDue;
    @Inject
    Event<JobsHandedOff> jobsHandedOff;
    @Inject
    JobSlots slots;
    @Inject
    DueJobs dueJobs;
    @Inject
    BufferedMessages buffered;
    @Inject
    FerryConfig config;

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

    /** An instance as an operation left it, with its state, so that the response needs no second read. */
    public record Stored(StoredInstance instance, LoadedInstance current) {
    }

    /** The result of a start request: the instance, and whether an earlier request with the same key created it. */
    public record Started(StoredInstance instance, LoadedInstance current, boolean replayed) {
    }

    public Uni<Started> start(String processId, ObjectNode variables, String businessKey, String idempotencyKey, Command command) {
        ExecutableProcess process = processes.find(processId)
                .orElseThrow(() -> Problems.unknownProcess(processId).exception());
        if (!process.startsWithoutMessage()) {
            throw Problems.startsByMessageOnly(processId, process.startMessages()).exception();
        }
        return replay(processId, idempotencyKey)
                .onItem().ifNull().switchTo(() -> roomForJobs(process)
                        .chain(() -> create(process, new EngineCommand.Start(variables), businessKey, idempotencyKey, null,
                                command)))
                // The same key sent at the same time: the loser's insert of the key waited for the winner's
                // statement, which has committed by now, so reading again finds its instance.
                .onFailure(Conflicts::isDuplicateIdempotencyKey)
                .recoverWithUni(() -> replay(processId, idempotencyKey));
    }

    /** Seconds a client refused for a full job backlog is asked to wait: a few worker runs. */
    static final int BACKLOG_RETRY_AFTER_SECONDS = 5;

    /**
     * A process that runs service tasks starts no instance while the job backlog is at its bound: the
     * start is refused with 429 and Retry-After rather than adding to a queue that grows without end.
     */
    private Uni<Void> roomForJobs(ExecutableProcess process) {
        long limit = config.jobs().maxBacklog();
        if (!process.callsServiceTasks()) {
            return Uni.createFrom().voidItem();
        }
        return dueJobs.size(clock.instant()).invoke(waiting -> {
            if (waiting >= limit) {
                throw Problems.jobBacklogFull(process.id(), waiting, limit, BACKLOG_RETRY_AFTER_SECONDS).exception();
            }
        }).replaceWithVoid();
    }

    private Uni<Started> replay(String processId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return store.startedWith(processId, idempotencyKey)
                .onItem().ifNotNull().transformToUni(store::load)
                .onItem().ifNotNull().transform(found -> new Started(found, marshaller.unmarshal(found.row()), true));
    }

    /**
     * Starts an instance at a timer start event, once per repetition: the key names the repetition, so a
     * second pod firing the same one finds the instance the first started.
     */
    public Uni<Started> startByTimer(ExecutableProcess process, String startEventId, String idempotencyKey, Command command) {
        return replay(process.id(), idempotencyKey)
                .onItem().ifNull().switchTo(() -> roomForJobs(process).chain(() -> create(process,
                        new EngineCommand.Start(null, startEventId), null, idempotencyKey, null, command)))
                .onFailure(Conflicts::isDuplicateIdempotencyKey)
                .recoverWithUni(() -> replay(process.id(), idempotencyKey));
    }

    /**
     * Starts an instance at a message start event: the message's id (if any) is remembered with it, so
     * that a repeated message starts nothing (the start fails on the receipt's key).
     */
    public Uni<Started> startByMessage(ExecutableProcess process, String startEventId, ObjectNode variables, String messageId,
            Command command) {
        return roomForJobs(process)
                .chain(() -> create(process, new EngineCommand.Start(variables, startEventId), null, null, messageId, command));
    }

    private Uni<Started> create(ExecutableProcess process, EngineCommand.Start start, String businessKey, String idempotencyKey,
            String messageId, Command command) {
        UUID id = UUID.randomUUID();
        return Uni.createFrom().item(() -> engine.apply(process, null, start, context(id)))
                .map(outcome -> Outcomes.advancedOrThrow(outcome, id))
                .chain(advanced -> {
                    Instant now = clock.instant();
                    InstanceRecord instance = new InstanceRecord();
                    instance.id = id;
                    instance.businessKey = businessKey;
                    instance.correlationId = command.correlationId() != null ? command.correlationId() : id.toString();
                    instance.createdAt = now;
                    instance.hold(advanced.state(), marshaller.marshal(advanced.state()), now);
                    List<HistoryEventRecord> events = history.append(instance, advanced.events(), command.commandId(), now);
                    EffectRows effects = handingOff(EffectRows.of(id, advanced.effects()), now);
                    Started started = new Started(StoredInstance.created(instance), current(advanced.state()), false);
                    return store.create(instance, events, effects, idempotencyKey, messageId)
                            .onFailure().invoke(() -> slots.giveBack(effects.claimedJobs().size()))
                            .invoke(() -> jobsCreated(effects, started.instance(), started.current()))
                            .call(() -> buffered.deliverTo(effects.openedSubscriptions()))
                            .replaceWith(started);
                });
    }

    public Uni<Stored> completeTask(UUID id, String taskRef, ObjectNode variables, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command,
                new EngineCommand.CompleteTask(taskRef, variables),
                (refusal, process, state) -> closedTasks.explain(id, taskRef, refusal, process, state));
    }

    public Uni<Stored> updateVariables(UUID id, JsonNode mergePatch, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command,
                new EngineCommand.UpdateVariables(mergePatch),
                asRefused(id));
    }

    /**
     * Fires a due timer of the instance: an operation like any other (load, migrate, apply, store),
     * so a timer that another pod fired first, or whose token moved on, is refused and fires nothing.
     */
    public Uni<Stored> fireTimer(UUID id, String timerId, Command command) {
        return advance(id, null, command, new EngineCommand.FireTimer(timerId), asRefused(id));
    }

    /** A worker ran a job's handler and it returned this output: the service task completes. */
    public Uni<Stored> completeJob(UUID id, String jobId, ObjectNode output, Command command, StoredInstance readByWorker) {
        return advance(id, command, new EngineCommand.CompleteJob(jobId, output), readByWorker);
    }

    /** A worker ran a job's handler and it failed: an attempt is counted, and the job is due again or has an incident. */
    public Uni<Stored> failJob(UUID id, String jobId, String error, Command command, StoredInstance readByWorker) {
        return advance(id, command, new EngineCommand.FailJob(jobId, error), readByWorker);
    }

    /** A worker ran a job's handler and it raised a BPMN error: the error boundary event that catches it takes over. */
    public Uni<Stored> throwError(UUID id, String jobId, String errorCode, String message, Command command,
            StoredInstance readByWorker) {
        return advance(id, command, new EngineCommand.ThrowError(jobId, errorCode, message), readByWorker);
    }

    /**
     * A worker's report, applied to the instance as the worker read it before calling the handler: one read
     * fewer per job. Stored under that read's revision, so a change since (the handler may have run for
     * minutes) fails the write, and the report is applied again to a fresh read, as for any operation.
     */
    private Uni<Stored> advance(UUID id, Command command, EngineCommand step, StoredInstance readByWorker) {
        return attempt(id, null, command, step, asRefused(id), MessageDelivery.NONE, 1, readByWorker)
                .onFailure(MigrationRefusal.Blocked.class)
                .call(blocked -> migrationRecording.blocked(id, (MigrationRefusal.Blocked) blocked));
    }

    /** An operator retries a job with an incident, with {@code attempts} more attempts. */
    public Uni<Stored> retryJob(UUID id, String jobId, int attempts, Command command) {
        return advance(id, null, command, new EngineCommand.RetryJob(jobId, attempts), asRefused(id));
    }

    /** An operator resolves a job's incident: the service task completes with these variables as its output. */
    public Uni<Stored> resolveIncident(UUID id, String jobId, ObjectNode variables, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command, new EngineCommand.ResolveIncident(jobId, variables), asRefused(id));
    }

    /**
     * Delivers a message to an open subscription of the instance: an operation like any other. The
     * delivery's message id is remembered with it, and a buffered message is consumed with it.
     */
    public Uni<Stored> correlate(UUID id, String subscriptionId, ObjectNode variables, MessageDelivery delivery, Command command) {
        return advance(id, null, command, new EngineCommand.CorrelateMessage(subscriptionId, variables), asRefused(id), delivery);
    }

    public Uni<Stored> cancel(UUID id, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command,
                new EngineCommand.Cancel(),
                asRefused(id));
    }

    /** The problem a refused step answers with; it may read the history. */
    private interface RefusalProblem {
        Uni<Problem> of(Refusal refusal, ExecutableProcess process, InstanceState state);
    }

    private static RefusalProblem asRefused(UUID id) {
        return (refusal, process, state) -> Uni.createFrom().item(Outcomes.problem(refusal, id));
    }

    private OperationContext context(UUID id) {
        return new OperationContext(id.toString(), clock.instant());
    }

    private Uni<Stored> advance(UUID id, Long expectedRevision, Command command, EngineCommand step, RefusalProblem refused) {
        return advance(id, expectedRevision, command, step, refused, MessageDelivery.NONE);
    }

    private Uni<Stored> advance(UUID id, Long expectedRevision, Command command, EngineCommand step, RefusalProblem refused,
            MessageDelivery delivery) {
        return attempt(id, expectedRevision, command, step, refused, delivery, 1, null)
                .onFailure(MigrationRefusal.Blocked.class)
                .call(blocked -> migrationRecording.blocked(id, (MigrationRefusal.Blocked) blocked));
    }

    /** @param readBefore the instance as read already (for the first attempt only), or null to read it now */
    private Uni<Stored> attempt(UUID id, Long expectedRevision, Command command, EngineCommand step, RefusalProblem refused,
            MessageDelivery delivery, int attempt, StoredInstance readBefore) {
        return (readBefore != null ? Uni.createFrom().item(readBefore) : store.load(id))
                .onItem().ifNull().failWith(() -> Problems.unknownInstance(id).exception())
                .chain(stored -> {
                    InstanceRecord instance = stored.row();
                    if (expectedRevision != null && expectedRevision != instance.revision) {
                        return Uni.createFrom().failure(Problems.staleRevision(id, expectedRevision, instance.revision).exception());
                    }
                    LoadedInstance loaded = marshaller.unmarshal(instance);
                    MigrationRefusal.check(instance, loaded.migration());
                    ExecutableProcess process = processFor(instance, loaded.state());
                    return Uni.createFrom().item(() -> engine.apply(process, loaded.state(), step, context(id)))
                            .chain(outcome -> outcome instanceof Outcome.Advanced advanced
                                    ? keep(stored, loaded, advanced, command, delivery)
                                    : refused.of(((Outcome.Refused) outcome).refusal(), process, loaded.state())
                                            .chain(problem -> Uni.createFrom().<Stored>failure(problem.exception())));
                })
                .chain(kept -> {
                    if (kept != null) {
                        return Uni.createFrom().item(kept);
                    }
                    if (expectedRevision != null || attempt >= ATTEMPTS) {
                        return Uni.createFrom().failure(Problems.concurrentUpdate(id.toString()).exception());
                    }
                    return attempt(id, null, command, step, refused, delivery, attempt + 1, null);
                });
    }

    /** Stores the outcome; null when another operation changed the instance since it was read. */
    private Uni<Stored> keep(StoredInstance stored, LoadedInstance loaded, Outcome.Advanced advanced, Command command,
            MessageDelivery delivery) {
        Instant now = clock.instant();
        InstanceRecord instance = stored.row();
        instance.hold(advanced.state(), marshaller.marshal(advanced.state()), now);
        List<EngineEvent> events = MigrationRecording.withMigrationEvent(loaded.migration(), advanced.events());
        List<HistoryEventRecord> rows = history.append(instance, events, command.commandId(), now);
        boolean migrated = loaded.migration() instanceof MigrationOnLoad.Applied;
        EffectRows effects = EffectRows.of(instance.id, advanced.effects());
        if (loaded.migration() instanceof MigrationOnLoad.Applied applied) {
            effects = effects.withMigration(applied.rows(instance.id));
        }
        InstanceChange change = new InstanceChange(instance, rows, migrated, handingOff(effects, now), delivery);
        int handedOff = change.effects().claimedJobs().size();
        return store.write(change, now)
                .onFailure().invoke(() -> slots.giveBack(handedOff))
                .map(written -> {
                    if (!written) {
                        slots.giveBack(handedOff);
                        return null;
                    }
                    instance.revision++;
                    migrationRecording.applied(instance, loaded.migration());
                    StoredInstance after = withJobIncidents(migrated ? afterMigration(stored, rows.get(0)) : stored,
                            change.effects(), now);
                    Stored kept = new Stored(after, current(advanced.state()));
                    jobsCreated(change.effects(), after, kept.current());
                    return kept;
                })
                .call(kept -> kept != null ? buffered.deliverTo(change.effects().openedSubscriptions())
                        : Uni.createFrom().voidItem());
    }

    /**
     * The rows with as many of the jobs due now as this pod has free handler slots claimed for its own workers
     * until the lease ends, as their claim would: the job runs as soon as its operation is stored, with no poll,
     * claim or read between. A pod that dies first loses the claim when the lease ends, as a worker's claim.
     */
    private EffectRows handingOff(EffectRows effects, Instant now) {
        int due = effects.jobsDueBy(now);
        int taken = due == 0 ? 0 : slots.tryTake(due);
        return taken == 0 ? effects : effects.claimingJobs(taken, now, now.plus(config.jobs().lease()));
    }

    /**
     * Hands the jobs claimed for this pod to its workers, with a copy of the instance as stored (the response
     * goes on with the original), and lets them know at once of any other job made due, rather than at their
     * next poll.
     */
    private void jobsCreated(EffectRows effects, StoredInstance stored, LoadedInstance current) {
        List<DueRows.Claimed> claimed = effects.claimedJobs();
        if (!claimed.isEmpty()) {
            StoredInstance copy = new StoredInstance(stored.row().copy(), stored.openIncidents(), stored.appliedMigrations());
            jobsHandedOff.fire(new JobsHandedOff(claimed, copy, current));
        }
        if (effects.leavesJobsToTheWorkers()) {
            jobsDue.fire(new JobsDue());
        }
    }

    /** What a view lists once the operation opened and closed job incidents. */
    private static StoredInstance withJobIncidents(StoredInstance stored, EffectRows effects, Instant now) {
        if (effects.incidents().isEmpty()) {
            return stored;
        }
        List<String> closed = effects.incidents().stream().filter(change -> !change.open()).map(IncidentChange::jobId).toList();
        List<IncidentRecord> open = new ArrayList<>(stored.openIncidents().stream()
                .filter(incident -> incident.jobId == null || !closed.contains(incident.jobId)).toList());
        effects.incidents().stream().filter(IncidentChange::open).forEach(change -> open.add(change.record(now)));
        return new StoredInstance(stored.row(), open, stored.appliedMigrations());
    }

    /** What a view lists once a migration went through: its event added, the incidents it resolved gone. */
    private static StoredInstance afterMigration(StoredInstance stored, HistoryEventRecord migrated) {
        List<IncidentRecord> open = stored.openIncidents().stream()
                .filter(incident -> !MigrationRecording.MIGRATION_BLOCKED.equals(incident.type)).toList();
        List<HistoryEventRecord> migrations = new ArrayList<>(stored.appliedMigrations());
        migrations.add(migrated);
        return new StoredInstance(stored.row(), open, migrations);
    }

    private static LoadedInstance current(InstanceState state) {
        return new LoadedInstance(state, MigrationOnLoad.NOT_NEEDED);
    }

    private ExecutableProcess processFor(InstanceRecord instance, InstanceState state) {
        ExecutableProcess process = processes.find(state.processId())
                .orElseThrow(() -> Problems.processGone(instance.id, state.processId()).exception());
        if (!process.definition().version().equals(state.version())) {
            throw Problems.versionNotDeployed(instance.id, state.processId(), state.version(), process.definition().version())
                    .exception();
        }
        return process;
    }
}
