package io.ferry.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.Optional;

/** A user task: the token waits until someone completes the task; the task id is the token id. */
final class UserTaskProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        run.rest(token, TokenState.WAITING);
        run.record(EngineEvent.TASK_CREATED, node.id(), token.id());
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
