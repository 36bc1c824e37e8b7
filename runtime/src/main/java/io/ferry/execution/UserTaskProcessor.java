package io.ferry.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.Optional;

/**
 * A user task: the token waits until someone completes the task (or a boundary timer interrupts
 * it); the task id is the token id. Completing it drops its boundary timers with the token.
 */
final class UserTaskProcessor implements NodeProcessor {

    /** The task waits, with the timers of the boundary events attached to it armed. */
    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        run.record(EngineEvent.TASK_CREATED, node.id(), token.id());
        Timers.Boundaries boundaries = Timers.armBoundaries(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        run.rest(token, TokenState.USER_TASK, boundaries, null);
        return Optional.empty();
    }

    /** Someone completed the task: their variables are merged and the token moves on. */
    Optional<Refusal> onCompleted(Token task, ObjectNode variables, Run run) {
        Node node = run.process().node(task.nodeId());
        MovingToken token = run.wake(task);
        run.mergeVariables(variables);
        run.record(EngineEvent.TASK_COMPLETED, node.id(), token.id(), variables.deepCopy());
        return run.leaveActivity(node, token);
    }
}
