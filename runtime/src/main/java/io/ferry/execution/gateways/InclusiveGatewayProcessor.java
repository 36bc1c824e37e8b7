package io.ferry.execution.gateways;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An inclusive gateway forks to every flow whose condition holds (else the default). With several
 * incoming flows it first joins: arriving tokens wait, and once the instance is quiet they go on
 * together as soon as no other token of their scope can still reach the gateway. A token inside a
 * nested sub-process counts as being at that sub-process.
 */
public final class InclusiveGatewayProcessor implements ElementProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        if (node.incoming().size() <= 1) {
            return run.outgoingFlows().allMet(node).then(flows -> run.leave(node, token.id(), token.scopeId(), flows));
        }
        run.rest(token, TokenState.JOINING);
        return Optional.empty();
    }

    @Override
    public Optional<Refusal> onQuiet(Node node, String scopeId, Run run) {
        List<Token> joining = run.joiningAt(node.id(), scopeId);
        if (joining.isEmpty() || anotherTokenCanArrive(node, scopeId, run)) {
            return Optional.empty();
        }
        return Joins.release(node, joining, run, run.outgoingFlows().allMet(node));
    }

    // Tokens already at the gateway never hold it up, even when the gateway lies on a loop.
    private static boolean anotherTokenCanArrive(Node node, String scopeId, Run run) {
        return positionsSeenFrom(scopeId, run).stream()
                .filter(position -> !position.equals(node.id()))
                .anyMatch(position -> run.process().canReach(position, node.id()));
    }

    private static List<String> positionsSeenFrom(String scopeId, Run run) {
        List<String> positions = new ArrayList<>();
        run.resting().forEach(token -> positionSeenFrom(token.nodeId(), token.scopeId(), scopeId, run).ifPresent(positions::add));
        run.inMotion().forEach(token -> positionSeenFrom(token.nodeId(), token.scopeId(), scopeId, run).ifPresent(positions::add));
        return positions;
    }

    /**
     * Where a token is, seen from the gateway's scope: its node when it runs in that scope, the
     * sub-process node that contains it when it runs deeper, or empty when it runs elsewhere.
     */
    private static Optional<String> positionSeenFrom(String nodeId, String tokenScopeId, String scopeId, Run run) {
        String position = nodeId;
        String current = tokenScopeId;
        while (!Objects.equals(current, scopeId)) {
            if (current == null) {
                return Optional.empty();
            }
            Scope scope = run.scope(current).orElseThrow();
            position = scope.nodeId();
            current = scope.parentScopeId();
        }
        return Optional.of(position);
    }
}
