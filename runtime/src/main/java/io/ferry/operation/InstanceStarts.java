package io.ferry.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.EngineCommand;
import io.ferry.execution.ExecutableProcess;
import io.ferry.operation.InstanceTransaction.Creation;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.StoredInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Starting instances: by a client's request, at a timer start event, or at a message start event. */
@ApplicationScoped
public class InstanceStarts {

    /** A started instance, and whether an earlier request with the same key created it. */
    public record Started(StoredInstance instance, LoadedInstance current, boolean replayed) {
    }

    @Inject
    DeployedProcesses processes;
    @Inject
    InstanceTransaction transaction;
    @Inject
    MessageCorrelation correlation;
    @Inject
    JobBacklog backlog;
    @Inject
    InstanceStore store;
    @Inject
    InstanceMarshaller marshaller;

    /** A client's start at the process's none start event; with an Idempotency-Key, once per key. */
    public Uni<OperationResult<Started>> start(String processId, ObjectNode variables, String businessKey, String idempotencyKey,
            Causation causation) {
        Optional<ExecutableProcess> found = processes.find(processId);
        if (found.isEmpty()) {
            return OperationResult.refusedNow(InstanceProblems.unknownProcess(processId));
        }
        ExecutableProcess process = found.get();
        if (!process.startsWithoutMessage()) {
            return OperationResult.refusedNow(InstanceProblems.startsByMessageOnly(processId, process.startMessages()));
        }
        return once(new Creation(process, new EngineCommand.Start(variables), businessKey, idempotencyKey, null, causation));
    }

    /**
     * Starts an instance at a timer start event, once per repetition: the key names the repetition, so a
     * second pod firing the same one finds the instance the first started.
     */
    public Uni<OperationResult<Started>> startByTimer(ExecutableProcess process, String startEventId, String idempotencyKey,
            Causation causation) {
        return once(new Creation(process, new EngineCommand.Start(null, startEventId), null, idempotencyKey, null, causation));
    }

    /**
     * Starts an instance at a message start event: the message's id (if any) is remembered with it, so
     * that a repeated message starts nothing (the start fails on the receipt's key).
     */
    public Uni<OperationResult<Started>> startByMessage(ExecutableProcess process, String startEventId, ObjectNode variables,
            String messageId, Causation causation) {
        return create(new Creation(process, new EngineCommand.Start(variables, startEventId), null, null, messageId, causation));
    }

    /** Starts the instance unless a start with the same key did already: then that instance is the answer. */
    private Uni<OperationResult<Started>> once(Creation creation) {
        String processId = creation.process().id();
        return replay(processId, creation.idempotencyKey())
                .onItem().ifNull().switchTo(() -> create(creation))
                // The same key sent at the same time: the loser's insert of the key waited for the winner's
                // statement, which has committed by now, so reading again finds its instance.
                .onFailure(Conflicts::isDuplicateIdempotencyKey)
                .recoverWithUni(() -> replay(processId, creation.idempotencyKey()));
    }

    private Uni<OperationResult<Started>> create(Creation creation) {
        return backlog.refusesStartOf(creation.process()).chain(full -> full.isPresent()
                ? OperationResult.<Started>refusedNow(full.get())
                : transaction.create(creation).call(correlation::deliverBuffered)
                        .map(created -> created.map(stored -> new Started(stored.instance(), stored.current(), false))));
    }

    /** The instance an earlier start with this key created, or null. */
    private Uni<OperationResult<Started>> replay(String processId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return store.startedWith(processId, idempotencyKey)
                .onItem().ifNotNull().transformToUni(store::load)
                .onItem().ifNotNull().transform(found -> OperationResult.done(
                        new Started(found, marshaller.unmarshal(found.row()), true)));
    }
}
