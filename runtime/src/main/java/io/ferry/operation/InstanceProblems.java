package io.ferry.operation;

import io.ferry.execution.Refusal;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import java.util.List;
import java.util.UUID;

/** The problems the operations on instances report, worded in one place. */
public final class InstanceProblems {

    private InstanceProblems() {
    }

    /** The engine refused the command: the client sees its message, under the type its reason falls in. */
    public static Problem refused(Refusal refusal, UUID instanceId) {
        ProblemType type = switch (refusal.reason()) {
            case TASK_NOT_FOUND -> ProblemType.UNKNOWN_TASK;
            case TASK_AMBIGUOUS -> ProblemType.AMBIGUOUS_TASK;
            case INSTANCE_NOT_ACTIVE -> ProblemType.INSTANCE_NOT_ACTIVE;
            case JOB_NOT_FOUND, JOB_HAS_INCIDENT, JOB_HAS_NO_INCIDENT -> ProblemType.INCIDENT_CLOSED;
            default -> ProblemType.UNPROCESSABLE;
        };
        return Problem.of(type, "Instance " + instanceId + ": " + refusal.message())
                .with("instanceId", instanceId.toString())
                .with("reason", refusal.reason().name());
    }

    public static Problem unknownProcess(String processId) {
        return Problem.of(ProblemType.UNKNOWN_PROCESS,
                "No process '" + processId + "' is deployed; GET /processes lists the deployed ones.")
                .with("processId", processId);
    }

    public static Problem unknownInstance(UUID instanceId) {
        return Problem.of(ProblemType.UNKNOWN_INSTANCE, "No instance " + instanceId + " exists.")
                .with("instanceId", instanceId.toString());
    }

    public static Problem unknownInstance(String rawId) {
        return Problem.of(ProblemType.UNKNOWN_INSTANCE, "No instance '" + rawId + "' exists: instance ids are UUIDs.")
                .with("instanceId", rawId);
    }

    public static Problem staleRevision(UUID instanceId, long expected, long actual) {
        return Problem.of(ProblemType.VERSION_CONFLICT, "Instance " + instanceId + " is at revision " + actual
                + ", not " + expected + " as the If-Match header says: someone else changed it. Reload it and retry.")
                .with("instanceId", instanceId.toString())
                .with("revision", actual);
    }

    public static Problem concurrentUpdate(String instanceId) {
        return Problem.of(ProblemType.VERSION_CONFLICT, "Instance " + instanceId
                + " was changed by another operation at the same time; nothing of this request was applied. Reload it and retry.")
                .with("instanceId", instanceId);
    }

    public static Problem processGone(UUID instanceId, String processId) {
        return Problem.of(ProblemType.VERSION_NOT_DEPLOYED, "Instance " + instanceId + " belongs to process '" + processId
                + "', which this deployment does not contain.")
                .with("instanceId", instanceId.toString())
                .with("processId", processId);
    }

    public static Problem versionNotDeployed(UUID instanceId, String processId, String stored, String deployed) {
        return Problem.of(ProblemType.VERSION_NOT_DEPLOYED, "Instance " + instanceId + " is at version " + stored
                + " of process '" + processId + "', but this deployment runs version " + deployed
                + " and has no migration plan from " + stored + ".")
                .with("instanceId", instanceId.toString())
                .with("processId", processId)
                .with("storedVersion", stored)
                .with("deployedVersion", deployed);
    }

    public static Problem jobBacklogFull(String processId, long waiting, long limit, int retryAfterSeconds) {
        return Problem.of(ProblemType.JOB_BACKLOG_FULL, waiting + " jobs are waiting to run, the most this server keeps "
                + "waiting (quarkus.ferry.jobs.max-backlog=" + limit + "); process '" + processId + "' runs service tasks, "
                + "so no instance of it starts until the workers catch up. Retry after " + retryAfterSeconds + " seconds.")
                .with("processId", processId)
                .with(Problem.RETRY_AFTER_SECONDS, retryAfterSeconds);
    }

    public static Problem startsByMessageOnly(String processId, List<String> messages) {
        String how = messages.isEmpty() ? "its instances start by its timer start events only."
                : "an instance starts when a message " + messages + " is sent with POST /messages.";
        return Problem.of(ProblemType.STARTS_BY_MESSAGE, "Process '" + processId + "' has no none start event: " + how)
                .with("processId", processId);
    }
}
