package io.ferry.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.execution.EngineCommand;
import io.ferry.operation.InstanceTransaction.Step;
import io.ferry.operation.InstanceTransaction.Stored;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** What an operator does about a job whose attempts ran out: retry it, or resolve it with the output it should have given. */
@ApplicationScoped
public class IncidentRepairs {

    @Inject
    InstanceTransaction transaction;
    @Inject
    MessageCorrelation correlation;

    /** The job is due at once, with {@code attempts} more attempts. */
    public Uni<OperationResult<Stored>> retryJob(UUID id, String jobId, int attempts, Causation causation) {
        return advance(Step.of(id, new EngineCommand.RetryJob(jobId, attempts), causation));
    }

    /** The service task completes with these variables as its output, its handler not called. */
    public Uni<OperationResult<Stored>> resolveIncident(UUID id, String jobId, ObjectNode variables, Long expectedRevision,
            Causation causation) {
        return advance(Step.of(id, new EngineCommand.ResolveIncident(jobId, variables), causation).expecting(expectedRevision));
    }

    private Uni<OperationResult<Stored>> advance(Step step) {
        return transaction.advance(step).call(correlation::deliverBuffered);
    }
}
