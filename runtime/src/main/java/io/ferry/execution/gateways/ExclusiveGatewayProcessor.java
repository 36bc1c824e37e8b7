package io.ferry.execution.gateways;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import java.util.Optional;

/** An exclusive gateway: every arriving token takes the first flow whose condition holds, else the default. */
public final class ExclusiveGatewayProcessor implements ElementProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.outgoingFlows().firstMet(node)
                .then(flows -> run.leave(node, token.id(), token.scopeId(), flows));
    }
}
