package io.ferry.execution;

import io.ferry.definition.Node;
import java.util.Optional;

/** An exclusive gateway: every arriving token takes the first flow whose condition holds, else the default. */
final class ExclusiveGatewayProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.outgoingFlows().firstMet(node)
                .then(flows -> run.leave(node, token.id(), token.scopeId(), flows));
    }
}
