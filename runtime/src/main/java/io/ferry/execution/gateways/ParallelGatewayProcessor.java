package io.ferry.execution.gateways;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.List;
import java.util.Optional;

/**
 * A parallel gateway forks to all outgoing flows. With several incoming flows it first joins:
 * arriving tokens wait until as many have arrived, in the same scope, as there are incoming flows.
 */
public final class ParallelGatewayProcessor implements ElementProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        if (node.incoming().size() <= 1) {
            return run.outgoingFlows().all(node).then(flows -> run.leave(node, token.id(), token.scopeId(), flows));
        }
        run.rest(token, TokenState.JOINING);
        List<Token> joining = run.joiningAt(node.id(), token.scopeId());
        if (joining.size() < node.incoming().size()) {
            return Optional.empty();
        }
        return Joins.release(node, joining, run, run.outgoingFlows().all(node));
    }
}
