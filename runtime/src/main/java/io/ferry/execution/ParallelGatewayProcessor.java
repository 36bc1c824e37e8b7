package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.List;
import java.util.Optional;

/**
 * A parallel gateway forks to all outgoing flows. With several incoming flows it first joins:
 * arriving tokens wait until as many have arrived, in the same scope, as there are incoming flows.
 */
final class ParallelGatewayProcessor implements NodeProcessor {

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
