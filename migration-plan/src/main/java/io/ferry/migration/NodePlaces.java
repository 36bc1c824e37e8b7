package io.ferry.migration;

import io.ferry.definition.NodeKind.StateHeld;
import io.ferry.state.InstanceState;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Every place in an instance's state where a node id lives. This is the one class to extend when
 * the state grows more of them (timers, message subscriptions, jobs): migration moves and checks
 * exactly what is listed here.
 */
final class NodePlaces {

    private NodePlaces() {
    }

    /** The places in a fixed order, so the places of a state and of its moved copy line up. */
    static List<NodePlace> of(InstanceState state) {
        Map<String, Scope> scopes = state.scopes().stream().collect(Collectors.toMap(Scope::id, scope -> scope));
        List<NodePlace> places = new ArrayList<>();
        for (Token token : state.tokens()) {
            places.add(new NodePlace(describe(token), token.nodeId(), needs(token.state()), scopeNodeId(scopes, token.scopeId())));
        }
        for (Scope scope : state.scopes()) {
            places.add(new NodePlace("sub-process scope " + scope.id(), scope.nodeId(), StateHeld.SCOPE,
                    scopeNodeId(scopes, scope.parentScopeId())));
        }
        return places;
    }

    /** The same state with every node id replaced; nothing else changes. */
    static InstanceState withNodeIds(InstanceState state, UnaryOperator<String> newNodeId) {
        List<Token> tokens = state.tokens().stream().map(token -> token.withNodeId(newNodeId.apply(token.nodeId()))).toList();
        List<Scope> scopes = state.scopes().stream().map(scope -> scope.withNodeId(newNodeId.apply(scope.nodeId()))).toList();
        return new InstanceState(state.processId(), state.version(), state.status(), tokens, scopes, state.variables(),
                state.lastIdNumber());
    }

    private static String describe(Token token) {
        return (token.state() == TokenState.WAITING ? "waiting token " : "joining token ") + token.id();
    }

    private static StateHeld needs(TokenState state) {
        return state == TokenState.WAITING ? StateHeld.WAITING_TOKEN : StateHeld.JOINING_TOKENS;
    }

    private static String scopeNodeId(Map<String, Scope> scopes, String scopeId) {
        Scope scope = scopeId == null ? null : scopes.get(scopeId);
        return scope == null ? null : scope.nodeId();
    }
}
