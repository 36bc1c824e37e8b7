package io.ferry.execution.behaviours;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.JobPolicy;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Job;
import io.ferry.state.Token;
import java.time.Instant;

/**
 * A service task's job and its incident. A failed attempt is tried again after a back-off that
 * doubles each time; when the task's attempts are used up the job has an incident, and only an
 * operator moves it on. The job rows and incidents themselves are effects, derived from the jobs the
 * tokens hold before and after the operation.
 */
public final class JobBehaviour {

    private final JobPolicy policy;

    public JobBehaviour(JobPolicy policy) {
        this.policy = policy;
    }

    /** A new job, due now; {@code JobCreated} records its handler and attempts. */
    public Job create(Node node, String tokenId, Run run) {
        run.record(EngineEvent.JOB_CREATED, node.id(), tokenId, data().put("handler", task(node).handler())
                .put("attempts", policy.attemptsOf(task(node))));
        return Job.dueAt(run.now());
    }

    /** An attempt failed: the job is due again after its back-off, or has an incident when none is left. */
    public void fail(Token waiting, String error, Run run) {
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

    /** The job cannot go on by itself (a BPMN error nothing catches): it has an incident, this attempt counted. */
    public void incident(Token waiting, String why, Run run) {
        Job job = waiting.job();
        run.replace(waiting, waiting.withJob(new Job(job.attempts() + 1, job.extraAttempts(), null, why, true)));
    }

    /** An operator retries a job with an incident: {@code attempts} more, the first of them due now. */
    public void retry(Token waiting, int attempts, Run run) {
        Job job = waiting.job();
        // Allowed from now on: the attempts made so far and the new ones, whatever the task's own setting.
        int extra = job.attempts() + attempts - policy.attemptsOf(task(run.process().node(waiting.nodeId())));
        run.record(EngineEvent.JOB_RETRIED, waiting.nodeId(), waiting.id(), data().put("attempts", attempts));
        run.replace(waiting, waiting.withJob(new Job(job.attempts(), extra, run.now(), job.lastError(), false)));
    }

    private static NodeDetails.ServiceTask task(Node node) {
        return node.details(NodeDetails.ServiceTask.class);
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }
}
