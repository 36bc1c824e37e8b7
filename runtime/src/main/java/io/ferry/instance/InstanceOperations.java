package io.ferry.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.OperationContext;
import io.ferry.execution.Outcome;
import io.ferry.execution.ProcessEngine;
import io.ferry.execution.Refusal;
import io.ferry.persistence.HistoryAppender;
import io.ferry.persistence.IdempotencyKeyRecord;
import io.ferry.execution.EngineEvent;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.InstanceRecord;
import io.ferry.problem.Problem;
import io.ferry.rollout.MigrationRecording;
import io.ferry.rollout.MigrationRefusal;
import io.ferry.state.InstanceState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The operations that change an instance. Each is one PostgreSQL transaction: load (unmarshal),
 * advance, store the snapshot under the optimistic revision check, append the history.
 */
@ApplicationScoped
public class InstanceOperations {

    @Inject
    DeployedProcesses processes;
    @Inject
    ProcessEngine engine;
    @Inject
    InstanceMarshaller marshaller;
    @Inject
    HistoryAppender history;
    @Inject
    Clock clock;
    @Inject
    MigrationRecording migrationRecording;
    @Inject
    ClosedTasks closedTasks;

    /** The result of a start request: the instance, and whether an earlier request with the same key created it. */
    public record Started(InstanceRecord instance, boolean replayed) {
    }

    public Uni<Started> start(String processId, ObjectNode variables, String businessKey, String idempotencyKey, Command command) {
        ExecutableProcess process = processes.find(processId)
                .orElseThrow(() -> Problems.unknownProcess(processId).exception());
        return Panache.withTransaction(() -> replay(processId, idempotencyKey)
                        .onItem().ifNull().switchTo(() -> create(process, variables, businessKey, idempotencyKey, command)))
                // The same key sent at the same time: the loser's insert of the key waited for the winner's
                // transaction, which has committed by now, so a fresh transaction finds its instance.
                .onFailure(Conflicts::isDuplicateIdempotencyKey)
                .recoverWithUni(() -> Panache.withTransaction(() -> replay(processId, idempotencyKey)));
    }

    private Uni<Started> replay(String processId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        IdempotencyKeyRecord.Key key = new IdempotencyKeyRecord.Key();
        key.processId = processId;
        key.idempotencyKey = idempotencyKey;
        return IdempotencyKeyRecord.<IdempotencyKeyRecord>findById(key)
                .onItem().ifNotNull().transformToUni(found -> InstanceRecord.<InstanceRecord>findById(found.instanceId))
                .onItem().ifNotNull().transform(instance -> new Started(instance, true));
    }

    private Uni<Started> create(ExecutableProcess process, ObjectNode variables, String businessKey, String idempotencyKey,
            Command command) {
        UUID id = UUID.randomUUID();
        return EngineRunner.run(() -> engine.start(process, variables, new OperationContext(id.toString())))
                .map(outcome -> Outcomes.advancedOrThrow(outcome, id))
                .chain(advanced -> {
                    InstanceRecord instance = new InstanceRecord();
                    instance.id = id;
                    instance.businessKey = businessKey;
                    instance.correlationId = command.correlationId() != null ? command.correlationId() : id.toString();
                    instance.createdAt = clock.instant();
                    store(instance, advanced.state());
                    return instance.<InstanceRecord>persist()
                            .chain(() -> rememberKey(process.definition().id(), idempotencyKey, id))
                            .chain(() -> history.append(instance, advanced.events(), command.commandId()))
                            .replaceWith(new Started(instance, false));
                });
    }

    private Uni<Void> rememberKey(String processId, String idempotencyKey, UUID instanceId) {
        if (idempotencyKey == null) {
            return Uni.createFrom().voidItem();
        }
        IdempotencyKeyRecord record = new IdempotencyKeyRecord();
        record.processId = processId;
        record.idempotencyKey = idempotencyKey;
        record.instanceId = instanceId;
        record.createdAt = clock.instant();
        return record.persist().replaceWithVoid();
    }

    public Uni<InstanceRecord> completeTask(UUID id, String taskRef, ObjectNode variables, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command,
                (process, state) -> engine.completeTask(process, state, taskRef, variables, new OperationContext(id.toString())),
                (refusal, process, state) -> closedTasks.explain(id, taskRef, refusal, process, state));
    }

    public Uni<InstanceRecord> updateVariables(UUID id, JsonNode mergePatch, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command,
                (process, state) -> engine.updateVariables(process, state, mergePatch, new OperationContext(id.toString())),
                asRefused(id));
    }

    public Uni<InstanceRecord> cancel(UUID id, Long expectedRevision, Command command) {
        return advance(id, expectedRevision, command,
                (process, state) -> engine.cancel(process, state, new OperationContext(id.toString())),
                asRefused(id));
    }

    private interface Step {
        Outcome apply(ExecutableProcess process, InstanceState state);
    }

    /** The problem a refused step answers with; it may read the history, in the operation's transaction. */
    private interface RefusalProblem {
        Uni<Problem> of(Refusal refusal, ExecutableProcess process, InstanceState state);
    }

    private static RefusalProblem asRefused(UUID id) {
        return (refusal, process, state) -> Uni.createFrom().item(Outcomes.problem(refusal, id));
    }

    private Uni<InstanceRecord> advance(UUID id, Long expectedRevision, Command command, Step step, RefusalProblem refused) {
        return Panache.withTransaction(() -> load(id, expectedRevision, command, step, refused))
                .onFailure(Conflicts::isConcurrentUpdate)
                .transform(failure -> Problems.concurrentUpdate(id.toString()).exception())
                .onFailure(MigrationRefusal.Blocked.class)
                .call(blocked -> migrationRecording.blocked(id, (MigrationRefusal.Blocked) blocked));
    }

    private Uni<InstanceRecord> load(UUID id, Long expectedRevision, Command command, Step step, RefusalProblem refused) {
        return InstanceRecord.<InstanceRecord>findById(id)
                .onItem().ifNull().failWith(() -> Problems.unknownInstance(id).exception())
                .chain(instance -> {
                    if (expectedRevision != null && expectedRevision != instance.revision) {
                        return Uni.createFrom().failure(Problems.staleRevision(id, expectedRevision, instance.revision).exception());
                    }
                    LoadedInstance loaded = marshaller.unmarshal(instance);
                    MigrationRefusal.check(instance, loaded.migration());
                    ExecutableProcess process = processFor(instance, loaded.state());
                    return EngineRunner.run(() -> step.apply(process, loaded.state()))
                            .chain(outcome -> outcome instanceof Outcome.Advanced advanced
                                    ? keep(instance, loaded, advanced, command)
                                    : refused.of(((Outcome.Refused) outcome).refusal(), process, loaded.state())
                                            .chain(problem -> Uni.createFrom().<InstanceRecord>failure(problem.exception())));
                });
    }

    private Uni<InstanceRecord> keep(InstanceRecord instance, LoadedInstance loaded, Outcome.Advanced advanced, Command command) {
        store(instance, advanced.state());
        List<EngineEvent> events = MigrationRecording.withMigrationEvent(loaded.migration(), advanced.events());
        return migrationRecording.applied(instance, loaded.migration())
                .chain(() -> history.append(instance, events, command.commandId()))
                .replaceWith(instance);
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

    private void store(InstanceRecord instance, InstanceState state) {
        instance.hold(state, marshaller.marshal(state), clock.instant());
    }
}
