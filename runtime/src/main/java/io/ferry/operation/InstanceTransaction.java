package io.ferry.operation;

import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.EngineCommand;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.OperationContext;
import io.ferry.execution.Outcome;
import io.ferry.execution.ProcessEngine;
import io.ferry.execution.Refusal;
import io.ferry.persistence.EffectRows;
import io.ferry.persistence.HistoryAppender;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.IncidentChange;
import io.ferry.persistence.IncidentRecord;
import io.ferry.persistence.InstanceChange;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.JsonInstanceMarshaller;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.MessageDelivery;
import io.ferry.persistence.MigrationOnLoad;
import io.ferry.persistence.StoredInstance;
import io.ferry.persistence.SubscriptionChange;
import io.ferry.problem.Problem;
import io.ferry.rollout.MigrationRecording;
import io.ferry.rollout.MigrationRefusal;
import io.ferry.state.InstanceState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one transaction every operation on an instance is. An operation on a stored instance reads it with one
 * statement (unmarshalled, and moved to the deployed version in memory when stored under an older one), has the
 * engine apply its command, and stores the whole outcome with one more statement under the revision it read
 * ({@link InstanceStore}): nothing is stored when anything refuses. An operation whose instance another operation
 * or a sweep changed in between is applied again to what is stored now, unless the client named the revision it
 * meant (If-Match): then it is refused. A start applies its command to no state and inserts the instance.
 */
@ApplicationScoped
public class InstanceTransaction {

    /** How often an operation without If-Match is applied again after losing a race for its instance. */
    static final int ATTEMPTS = 5;

    /**
     * An instance as an operation left it, with its state, so that the response needs no second read, and the
     * subscriptions it opened, which buffered messages may be waiting for ({@link MessageCorrelation}).
     */
    public record Stored(StoredInstance instance, LoadedInstance current, List<SubscriptionChange> openedSubscriptions) {
    }

    /**
     * One command for one stored instance.
     *
     * @param expectedRevision the revision the client named (If-Match), or null to apply it to what is stored
     * @param delivery the message the command consumes, or {@link MessageDelivery#NONE}
     * @param readBefore the instance as the caller read it already (a worker's claim), used by the first attempt
     *     only; null to read it
     */
    public record Step(UUID instanceId, EngineCommand command, Causation causation, Long expectedRevision,
            MessageDelivery delivery, StoredInstance readBefore) {

        public static Step of(UUID instanceId, EngineCommand command, Causation causation) {
            return new Step(instanceId, command, causation, null, MessageDelivery.NONE, null);
        }

        public Step expecting(Long revision) {
            return new Step(instanceId, command, causation, revision, delivery, readBefore);
        }

        public Step delivering(MessageDelivery message) {
            return new Step(instanceId, command, causation, expectedRevision, message, readBefore);
        }

        public Step readAs(StoredInstance read) {
            return new Step(instanceId, command, causation, expectedRevision, delivery, read);
        }

        Step readAgain() {
            return readAs(null);
        }
    }

    /** What a start asks for: the process, its start command, and what the new instance is remembered by. */
    public record Creation(ExecutableProcess process, EngineCommand.Start start, String businessKey, String idempotencyKey,
            String messageId, Causation causation) {
    }

    /** The instance as the refused attempt read it, for a refusal that needs more words than the engine's. */
    public record Read(StoredInstance stored, InstanceState state, ExecutableProcess process) {
    }

    /** The problem a command the engine refused answers with; it may read the history. */
    public interface RefusalExplanation {
        Uni<Problem> explain(Refusal refusal, Read read);
    }

    private static final RefusalExplanation AS_REFUSED =
            (refusal, read) -> Uni.createFrom().item(InstanceProblems.refused(refusal, read.stored().row().id));

    @Inject
    InstanceStore store;
    @Inject
    InstanceMarshaller marshaller;
    @Inject
    ProcessEngine engine;
    @Inject
    DeployedProcesses processes;
    @Inject
    HistoryAppender history;
    @Inject
    MigrationRecording migrationRecording;
    @Inject
    JobHandOff handOff;
    @Inject
    Clock clock;

    /** Applies the step; a refusal answers with the engine's words. */
    public Uni<OperationResult<Stored>> advance(Step step) {
        return advance(step, AS_REFUSED);
    }

    public Uni<OperationResult<Stored>> advance(Step step, RefusalExplanation explanation) {
        return attempt(step, explanation, 1);
    }

    private Uni<OperationResult<Stored>> attempt(Step step, RefusalExplanation explanation, int attempt) {
        Uni<StoredInstance> read = step.readBefore() != null ? Uni.createFrom().item(step.readBefore()) : store.load(step.instanceId());
        return read
                .chain(stored -> stored == null ? OperationResult.<Stored>refusedNow(InstanceProblems.unknownInstance(step.instanceId()))
                        : applyTo(stored, step, explanation))
                .chain(result -> {
                    if (result != null) {
                        return Uni.createFrom().item(result);
                    }
                    if (step.expectedRevision() != null || attempt >= ATTEMPTS) {
                        return OperationResult.<Stored>refusedNow(InstanceProblems.concurrentUpdate(step.instanceId().toString()));
                    }
                    return attempt(step.readAgain(), explanation, attempt + 1);
                });
    }

    /** The step applied to the instance as read: null when another operation changed it since. */
    private Uni<OperationResult<Stored>> applyTo(StoredInstance stored, Step step, RefusalExplanation explanation) {
        InstanceRecord instance = stored.row();
        if (step.expectedRevision() != null && step.expectedRevision() != instance.revision) {
            return OperationResult.refusedNow(InstanceProblems.staleRevision(instance.id, step.expectedRevision(), instance.revision));
        }
        LoadedInstance loaded;
        try {
            loaded = marshaller.unmarshal(instance);
        } catch (JsonInstanceMarshaller.NewerSnapshotFormat ownedByNewer) {
            return OperationResult.refusedNow(ownedByNewer.problem());
        }
        Optional<MigrationRefusal> migrationRefused = MigrationRefusal.of(instance, loaded.migration());
        if (migrationRefused.isPresent()) {
            MigrationRefusal refusal = migrationRefused.get();
            Uni<Void> recorded = refusal.opensIncident() ? migrationRecording.blocked(instance, refusal) : Uni.createFrom().voidItem();
            return recorded.replaceWith(OperationResult.refused(refusal.problem()));
        }
        InstanceState state = loaded.state();
        Optional<ExecutableProcess> runsOn = processes.at(state.processId(), state.version());
        if (runsOn.isEmpty()) {
            return OperationResult.refusedNow(notDeployed(instance, state));
        }
        ExecutableProcess process = runsOn.get();
        return Uni.createFrom().item(() -> engine.apply(process, state, step.command(), context(instance.id)))
                .chain(outcome -> outcome instanceof Outcome.Advanced advanced
                        ? write(stored, loaded, advanced, step)
                        : refused(((Outcome.Refused) outcome).refusal(), new Read(stored, state, process), explanation));
    }

    /** Why the instance has no process here: its process is gone from this image, or is at another version. */
    private Problem notDeployed(InstanceRecord instance, InstanceState state) {
        return processes.find(state.processId())
                .map(deployed -> InstanceProblems.versionNotDeployed(instance.id, state.processId(), state.version(),
                        deployed.version()))
                .orElseGet(() -> InstanceProblems.processGone(instance.id, state.processId()));
    }

    private static Uni<OperationResult<Stored>> refused(Refusal refusal, Read read, RefusalExplanation explanation) {
        return explanation.explain(refusal, read).map(problem -> new OperationResult.Refused<>(problem, refusal.reason()));
    }

    /** Stores the outcome; null when another operation changed the instance since it was read. */
    private Uni<OperationResult<Stored>> write(StoredInstance stored, LoadedInstance loaded, Outcome.Advanced advanced, Step step) {
        Instant now = clock.instant();
        InstanceRecord instance = stored.row();
        instance.hold(advanced.state(), marshaller.marshal(advanced.state()), now);
        List<EngineEvent> events = MigrationRecording.withMigrationEvent(loaded.migration(), advanced.events());
        List<HistoryEventRecord> rows = history.append(instance, events, step.causation().causationId(), now);
        MigrationOnLoad.Applied migrated = loaded.migration() instanceof MigrationOnLoad.Applied applied ? applied : null;
        EffectRows effects = EffectRows.of(instance.id, advanced.effects());
        if (migrated != null) {
            effects = effects.withMigration(migrated.rows(instance.id));
        }
        InstanceChange change = new InstanceChange(instance, rows, migrated != null, handOff.claiming(effects, now), step.delivery());
        return store.write(change, now)
                .onFailure().invoke(() -> handOff.notStored(change.effects()))
                .map(written -> {
                    if (!written) {
                        handOff.notStored(change.effects());
                        return null;
                    }
                    instance.revision++;
                    migrationRecording.applied(instance, loaded.migration());
                    StoredInstance after = withJobIncidents(migrated != null ? afterMigration(stored, rows.get(0)) : stored,
                            change.effects(), now);
                    Stored kept = new Stored(after, current(advanced.state()), change.effects().openedSubscriptions());
                    handOff.stored(change.effects(), after, kept.current());
                    return OperationResult.done(kept);
                });
    }

    /** Starts an instance: the engine's start applied to no state, the instance inserted with its outcome. */
    public Uni<OperationResult<Stored>> create(Creation creation) {
        UUID id = UUID.randomUUID();
        return Uni.createFrom().item(() -> engine.apply(creation.process(), null, creation.start(), context(id)))
                .chain(outcome -> {
                    if (outcome instanceof Outcome.Advanced advanced) {
                        return insert(id, creation, advanced);
                    }
                    Refusal refusal = ((Outcome.Refused) outcome).refusal();
                    return Uni.createFrom().item(new OperationResult.Refused<>(InstanceProblems.refused(refusal, id), refusal.reason()));
                });
    }

    private Uni<OperationResult<Stored>> insert(UUID id, Creation creation, Outcome.Advanced advanced) {
        Instant now = clock.instant();
        InstanceRecord instance = new InstanceRecord();
        instance.id = id;
        instance.businessKey = creation.businessKey();
        String correlationId = creation.causation().correlationId();
        instance.correlationId = correlationId != null ? correlationId : id.toString();
        instance.createdAt = now;
        instance.hold(advanced.state(), marshaller.marshal(advanced.state()), now);
        List<HistoryEventRecord> events = history.append(instance, advanced.events(), creation.causation().causationId(), now);
        EffectRows effects = handOff.claiming(EffectRows.of(id, advanced.effects()), now);
        Stored created = new Stored(StoredInstance.created(instance), current(advanced.state()), effects.openedSubscriptions());
        return store.create(instance, events, effects, creation.idempotencyKey(), creation.messageId())
                .onFailure().invoke(() -> handOff.notStored(effects))
                .invoke(() -> handOff.stored(effects, created.instance(), created.current()))
                .replaceWith(OperationResult.done(created));
    }

    private OperationContext context(UUID id) {
        return new OperationContext(id.toString(), clock.instant());
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
}
