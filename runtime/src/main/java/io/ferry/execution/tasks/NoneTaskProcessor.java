package io.ferry.execution.tasks;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import java.util.Optional;

/** An abstract task or a manual task: nothing for the engine to do, the token passes straight through. */
public final class NoneTaskProcessor implements ElementProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.leaveActivity(node, token);
    }
}
