package io.ferry.instance;

import io.ferry.execution.Outcome;
import io.ferry.execution.Refusal;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import java.util.UUID;

/** Turns an engine refusal into the problem the client sees. */
final class Outcomes {

    private Outcomes() {
    }

    static Outcome.Advanced advancedOrThrow(Outcome outcome, UUID instanceId) {
        if (outcome instanceof Outcome.Advanced advanced) {
            return advanced;
        }
        Refusal refusal = ((Outcome.Refused) outcome).refusal();
        throw problem(refusal, instanceId).exception();
    }

    static Problem problem(Refusal refusal, UUID instanceId) {
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
}
