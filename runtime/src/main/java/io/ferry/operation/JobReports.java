package io.ferry.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.execution.EngineCommand;
import io.ferry.operation.InstanceTransaction.Step;
import io.ferry.operation.InstanceTransaction.Stored;
import io.ferry.persistence.StoredInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * What a worker reports after calling a job's handler, applied to the instance as the worker read it before the
 * call: one read fewer per job. Stored under that read's revision, so a change since (the handler may have run for
 * minutes) fails the write, and the report is applied again to a fresh read, as for any operation.
 */
@ApplicationScoped
public class JobReports {

    @Inject
    InstanceTransaction transaction;
    @Inject
    MessageCorrelation correlation;

    /** The handler returned this output: the service task completes. */
    public Uni<OperationResult<Stored>> completed(UUID id, String jobId, ObjectNode output, StoredInstance readByWorker) {
        return report(Step.of(id, new EngineCommand.CompleteJob(jobId, output), Causation.ofPod()).readAs(readByWorker));
    }

    /** The handler failed: an attempt is counted, and the job is due again or has an incident. */
    public Uni<OperationResult<Stored>> failed(UUID id, String jobId, String error, StoredInstance readByWorker) {
        return report(Step.of(id, new EngineCommand.FailJob(jobId, error), Causation.ofPod()).readAs(readByWorker));
    }

    /** The handler raised a BPMN error: the error boundary event that catches it takes over. */
    public Uni<OperationResult<Stored>> raisedError(UUID id, String jobId, String errorCode, String message,
            StoredInstance readByWorker) {
        return report(Step.of(id, new EngineCommand.ThrowError(jobId, errorCode, message), Causation.ofPod()).readAs(readByWorker));
    }

    private Uni<OperationResult<Stored>> report(Step step) {
        return transaction.advance(step).call(correlation::deliverBuffered);
    }
}
