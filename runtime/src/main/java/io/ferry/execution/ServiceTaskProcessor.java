package io.ferry.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.state.Job;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.Optional;

/**
 * A service task is a job. The token waits at the task with its job, due at once; a worker outside
 * the operation calls the handler and reports back, which completes the task or counts a failed
 * attempt ({@link io.ferry.service.ServiceTaskHandler}). A failed attempt is tried again after a
 * back-off that doubles each time; when the task's attempts are used up the job has an incident,
 * and only an operator moves it on: a retry with more attempts, or a resolution with the output the
 * handler would have returned. The engine itself never calls a handler: it stays pure.
 */
final class ServiceTaskProcessor implements NodeProcessor {

    private final JobPolicy policy;

    ServiceTaskProcessor(JobPolicy policy) {
        this.policy = policy;
    }

    /** The job is created, due now; the boundary timers of the task are armed with it. */
    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        Timers.Boundaries boundaries = Timers.armBoundaries(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        Job job = Job.dueAt(run.now());
        run.record(EngineEvent.JOB_CREATED, node.id(), token.id(), data().put("handler", handler(node))
                .put("attempts", policy.attemptsOf(task(node))));
        run.rest(token, TokenState.JOB, boundaries, job);
        return Optional.empty();
    }

    /** The handler returned: its output is merged into the variables and the token moves on. */
    Optional<Refusal> onCompleted(Token waiting, ObjectNode output, String eventType, Run run) {
        Node node = run.process().node(waiting.nodeId());
        MovingToken token = run.wake(waiting);
        run.mergeVariables(output);
        run.record(eventType, node.id(), token.id(), output.deepCopy());
        return run.leaveActivity(node, token);
    }

    /** An attempt failed: the job is due again after its back-off, or has an incident when none is left. */
    void onFailed(Token waiting, String error, Run run) {
        Node node = run.process().node(waiting.nodeId());
        NodeDetails.ServiceTask task = task(node);
        Job job = waiting.job();
        int failed = job.attempts() + 1;
        int allowed = policy.attemptsOf(task) + job.extraAttempts();
        ObjectNode data = data().put("attempt", failed).put("error", error);
        Job next;
        if (failed >= allowed) {
            next = new Job(failed, job.extraAttempts(), null, error, true);
            data.put("incident", true);
        } else {
            Instant due = run.now().plus(policy.delayAfter(task, failed));
            next = new Job(failed, job.extraAttempts(), due, error, false);
            data.put("nextAttemptAt", due.toString());
        }
        run.record(EngineEvent.JOB_FAILED, node.id(), waiting.id(), data);
        run.replace(waiting, waiting.withJob(next));
    }

    /**
     * The handler raised a BPMN error: the task ends and the error boundary event that catches its code
     * takes the token on; an error nothing catches is an incident (retrying would raise it again).
     */
    void onError(Token waiting, String code, String message, Run run) {
        Node node = run.process().node(waiting.nodeId());
        run.record(EngineEvent.ERROR_THROWN, node.id(), waiting.id(), Errors.thrown(code, message));
        run.remove(waiting);
        if (Errors.propagate(run, node, waiting.scopeId(), code)) {
            return;
        }
        run.restore(waiting.withJob(new Job(waiting.job().attempts() + 1, waiting.job().extraAttempts(), null,
                "BPMN error '" + code + "' (" + message + ") is caught by no error boundary event", true)));
    }

    /** An operator retries a job with an incident: {@code attempts} more, the first of them due now. */
    void onRetried(Token waiting, int attempts, Run run) {
        Job job = waiting.job();
        // Allowed from now on: the attempts made so far and the new ones, whatever the task's own setting.
        int extra = job.attempts() + attempts - policy.attemptsOf(task(run.process().node(waiting.nodeId())));
        run.record(EngineEvent.JOB_RETRIED, waiting.nodeId(), waiting.id(), data().put("attempts", attempts));
        run.replace(waiting, waiting.withJob(new Job(job.attempts(), extra, run.now(), job.lastError(), false)));
    }

    private static NodeDetails.ServiceTask task(Node node) {
        return node.details(NodeDetails.ServiceTask.class);
    }

    private static String handler(Node node) {
        return task(node).handler();
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }
}
