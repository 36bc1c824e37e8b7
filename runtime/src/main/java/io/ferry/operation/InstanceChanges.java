package io.ferry.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.execution.EngineCommand;
import io.ferry.operation.InstanceTransaction.Step;
import io.ferry.operation.InstanceTransaction.Stored;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What a client changes on an instance: completing a user task, amending its data, cancelling it. With the
 * revision the client read (If-Match), a change is refused when the instance changed since.
 */
@ApplicationScoped
public class InstanceChanges {

    @Inject
    InstanceTransaction transaction;
    @Inject
    MessageCorrelation correlation;
    @Inject
    TaskEndings taskEndings;

    /** A refused completion of a task that is no longer open says what ended it ({@link TaskEndings}). */
    public Uni<OperationResult<Stored>> completeTask(UUID id, String taskRef, ObjectNode variables, Long expectedRevision,
            Causation causation) {
        Step step = Step.of(id, new EngineCommand.CompleteTask(taskRef, variables), causation).expecting(expectedRevision);
        return transaction.advance(step, (refusal, read) -> taskEndings.explain(taskRef, refusal, read))
                .call(correlation::deliverBuffered);
    }

    public Uni<OperationResult<Stored>> updateVariables(UUID id, JsonNode mergePatch, Long expectedRevision, Causation causation) {
        return advance(Step.of(id, new EngineCommand.UpdateVariables(mergePatch), causation).expecting(expectedRevision));
    }

    public Uni<OperationResult<Stored>> cancel(UUID id, Long expectedRevision, Causation causation) {
        return advance(Step.of(id, new EngineCommand.Cancel(), causation).expecting(expectedRevision));
    }

    private Uni<OperationResult<Stored>> advance(Step step) {
        return transaction.advance(step).call(correlation::deliverBuffered);
    }
}
