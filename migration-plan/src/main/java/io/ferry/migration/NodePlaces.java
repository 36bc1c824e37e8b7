package io.ferry.migration;

import io.ferry.definition.NodeKind.StateHeld;
import io.ferry.state.InstanceState;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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
        Map<String, Scope> scopes = byId(state.scopes());
        List<NodePlace> places = new ArrayList<>(state.tokens().size() + state.scopes().size());
        for (Token token : state.tokens()) {
            places.add(new NodePlace(holderKind(token.state()), token.id(), token.nodeId(), needs(token.state()),
                    scopeNodeId(scopes, token.scopeId())));
        }
        for (Scope scope : state.scopes()) {
            places.add(new NodePlace("sub-process scope", scope.id(), scope.nodeId(), StateHeld.SCOPE,
                    scopeNodeId(scopes, scope.parentScopeId())));
        }
        return places;
    }

    /** The same state with every node id replaced; nothing else changes. */
    static InstanceState withNodeIds(InstanceState state, UnaryOperator<String> newNodeId) {
        List<Token> tokens = new ArrayList<>(state.tokens().size());
        for (Token token : state.tokens()) {
            tokens.add(token.withNodeId(newNodeId.apply(token.nodeId())));
        }
        List<Scope> scopes = new ArrayList<>(state.scopes().size());
        for (Scope scope : state.scopes()) {
            scopes.add(scope.withNodeId(newNodeId.apply(scope.nodeId())));
        }
        return new InstanceState(state.processId(), state.version(), state.status(), tokens, scopes, state.variables(),
                state.lastIdNumber());
    }

    // Loops rather than streams here and above: this runs on every load of an instance stored under an
    // older version, where the streams' set-up showed in MigrationBenchmark (src/jmh).
    private static Map<String, Scope> byId(List<Scope> scopes) {
        Map<String, Scope> byId = new HashMap<>(scopes.size() * 2);
        for (Scope scope : scopes) {
            if (byId.putIfAbsent(scope.id(), scope) != null) {
                throw new IllegalStateException("The instance state has two scopes with id '" + scope.id() + "'");
            }
        }
        return byId;
    }

    private static String holderKind(TokenState state) {
        return state == TokenState.WAITING ? "waiting token" : "joining token";
    }

    private static StateHeld needs(TokenState state) {
        return state == TokenState.WAITING ? StateHeld.WAITING_TOKEN : StateHeld.JOINING_TOKENS;
    }

    private static String scopeNodeId(Map<String, Scope> scopes, String scopeId) {
        Scope scope = scopeId == null ? null : scopes.get(scopeId);
        return scope == null ? null : scope.nodeId();
    }
}
