package io.ferry.execution;

import io.ferry.definition.Node;
import java.util.Optional;

/** Start events, tasks and manual tasks: the token passes straight through. */
final class PassThroughProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.leaveActivity(node, token);
    }
}
