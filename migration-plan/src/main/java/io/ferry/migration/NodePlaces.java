package io.ferry.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.NodeKind.StateHeld;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.TimerDefinition;
import io.ferry.state.InstanceState;
import io.ferry.state.Scope;
import io.ferry.state.Timer;
import io.ferry.state.Subscription;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every place in an instance's state where a node id lives. This is the one class to extend when
 * the state grows more of them (timers, message subscriptions, jobs): migration moves and checks
 * exactly what is visited here.
 *
 * <p>One pass over the state looks each id up in the route, checks where it lands and builds the
 * moved copy. It runs on every load of an instance stored under an older version, so it allocates
 * only what the moved state needs (see MigrationBenchmark in src/jmh): loops rather than streams,
 * an unchanged token or scope is reused, and a place is spelled out only when it does not fit.
 */
final class NodePlaces {

    private NodePlaces() {
    }

    /**
     * The state with every node id replaced through the route, and the nodes that have no fitting
     * place in the target; when there are any, the moved state must not be used.
     */
    static Moved move(InstanceState state, Route route, Instant now, ObjectNode variables) {
        List<Scope> scopes = state.scopes();
        List<Token> tokens = state.tokens();
        Map<String, Landing> scopeLandings = scopeLandings(scopes, route);
        Moved moved = new Moved(route.target(), tokens.size(), scopes.size(), state.lastIdNumber());
        for (int index = 0; index < tokens.size(); index++) {
            Token token = tokens.get(index);
            Landing landing = route.landing(token.nodeId());
            moved.place(token.state().holder(), token.id(), token.nodeId(), landing, token.state().held(),
                    scopeNodeId(scopeLandings, token.scopeId()));
            Token movedToken = landing.moved() ? token.withNodeId(landing.newNodeId()) : token;
            if (!token.timers().isEmpty()) {
                movedToken = movedToken.withTimers(moveTimers(token, landing, route, moved, new Clocked(variables, now)));
            }
            if (!token.subscriptions().isEmpty()) {
                movedToken = movedToken.withSubscriptions(moveSubscriptions(token, landing, route, moved));
            }
            List<Node> restarted = route.restartedBoundaryTimers(movedToken.nodeId());
            if (!restarted.isEmpty() && now != null) {
                movedToken = armRestarted(movedToken, restarted, moved, new Clocked(variables, now));
            }
            List<Node> boundaryMessages = route.boundaryMessages(movedToken.nodeId());
            if (!boundaryMessages.isEmpty() && now != null) {
                movedToken = openNewBoundaryMessages(movedToken, boundaryMessages, moved, variables);
            }
            moved.tokens[index] = movedToken;
        }
        for (int index = 0; index < scopes.size(); index++) {
            Scope scope = scopes.get(index);
            Landing landing = scopeLandings.get(scope.id());
            Scope movedScope = landing.moved() ? scope.withNodeId(landing.newNodeId()) : scope;
            moved.place("sub-process scope", scope.id(), scope.nodeId(), landing, StateHeld.SCOPE,
                    scopeNodeId(scopeLandings, scope.parentScopeId()));
            if (scope.tokenId() == null && now != null && landing.node() != null) {
                movedScope = restWithNewBoundaryEvents(movedScope, route, moved, new Clocked(variables, now));
            }
            moved.scopes[index] = movedScope;
        }
        return moved;
    }

    /**
     * A sub-process entered under a version whose sub-process had no boundary events has no token resting
     * at it. When the target's sub-process has message boundary events, or timer boundary events the plan
     * restarts, a token now rests there holding them, as if the sub-process had been entered under the
     * target; the scope names it. Nothing changes when there is nothing to hold.
     */
    private static Scope restWithNewBoundaryEvents(Scope scope, Route route, Moved moved, Clocked clocked) {
        List<Node> restarted = route.restartedBoundaryTimers(scope.nodeId());
        List<Node> boundaryMessages = route.boundaryMessages(scope.nodeId());
        if (restarted.isEmpty() && boundaryMessages.isEmpty()) {
            return scope;
        }
        Token resting = new Token(moved.newTokenId(), scope.nodeId(), scope.parentScopeId(), TokenState.SCOPE);
        resting = armRestarted(resting, restarted, moved, clocked);
        resting = openNewBoundaryMessages(resting, boundaryMessages, moved, clocked.variables());
        moved.added.add(resting);
        return new Scope(scope.id(), scope.nodeId(), scope.parentScopeId(), resting.id());
    }

    /**
     * A token's timers keep their ids, due times and counts; their node ids move. A timer of the
     * token's own node moves with it; a boundary timer must land on a timer boundary event attached
     * to where the token lands, or the instance cannot move.
     */
    private static List<Timer> moveTimers(Token token, Landing tokenLanding, Route route, Moved moved, Clocked clocked) {
        List<Timer> timers = new ArrayList<>(token.timers().size());
        for (Timer timer : token.timers()) {
            Landing landing = route.landing(timer.nodeId());
            Timer landed = landing.moved() ? timer.withNodeId(landing.newNodeId()) : timer;
            timers.add(TimerRules.apply(landed, landing.node(), route.chain().timerRule(landing.newNodeId()), clocked.variables(),
                    clocked.now()));
            if (token.state() == TokenState.EVENTS) {
                moved.placeGatewayEvent(timer.nodeId(), landing, tokenLanding.newNodeId(), "timer");
            } else if (!timer.nodeId().equals(token.nodeId())) {
                moved.placeBoundary(timer, landing, tokenLanding.newNodeId());
            }
        }
        return timers;
    }

    /**
     * Arms, from the migration's moment, the timer of each restarted boundary event of the token's
     * activity that the token holds no timer of: the event is new in the target (or a cycle of it ran
     * out), and the plan asked for its timer to start now. One that cannot be armed blocks the instance.
     */
    private static Token armRestarted(Token token, List<Node> boundaries, Moved moved, Clocked clocked) {
        List<Timer> timers = null;
        for (Node boundary : boundaries) {
            if (holdsTimerOf(token, boundary.id())) {
                continue;
            }
            Optional<Timer> armed = TimerRules.armed(boundary, moved.newTimerId(), clocked.variables(), clocked.now());
            if (armed.isEmpty()) {
                moved.unarmable(boundary, token.nodeId());
                continue;
            }
            if (timers == null) {
                timers = new ArrayList<>(token.timers());
            }
            timers.add(armed.get());
        }
        return timers == null ? token : token.withTimers(timers);
    }

    /**
     * Opens the subscription of each message boundary event of the token's activity that the token holds
     * none of (an event new in the target), with the correlation key its variable holds now, as the engine
     * opens them when a token arrives. One whose variable holds no key blocks the instance.
     */
    private static Token openNewBoundaryMessages(Token token, List<Node> boundaries, Moved moved, ObjectNode variables) {
        List<Subscription> subscriptions = null;
        for (Node boundary : boundaries) {
            if (holdsSubscriptionOf(token, boundary.id())) {
                continue;
            }
            NodeDetails.Message message = boundary.details(NodeDetails.BoundaryMessage.class).message();
            JsonNode key = message.correlationValue(variables);
            if (!NodeDetails.Message.isKey(key)) {
                moved.unsubscribable(boundary, token.nodeId(), message);
                continue;
            }
            if (subscriptions == null) {
                subscriptions = new ArrayList<>(token.subscriptions());
            }
            subscriptions.add(new Subscription(moved.newSubscriptionId(), boundary.id(), message.messageName(), key.asText()));
        }
        return subscriptions == null ? token : token.withSubscriptions(subscriptions);
    }

    private static boolean holdsSubscriptionOf(Token token, String nodeId) {
        for (Subscription subscription : token.subscriptions()) {
            if (subscription.nodeId().equals(nodeId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsTimerOf(Token token, String nodeId) {
        for (Timer timer : token.timers()) {
            if (timer.nodeId().equals(nodeId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A token's subscriptions keep their ids, message names and correlation keys; their node ids move.
     * A boundary subscription must land on a message boundary event of the token's new node, and every
     * subscription on a node waiting for the same message name, or the instance cannot move.
     */
    private static List<Subscription> moveSubscriptions(Token token, Landing tokenLanding, Route route, Moved moved) {
        List<Subscription> subscriptions = new ArrayList<>(token.subscriptions().size());
        for (Subscription stored : token.subscriptions()) {
            Landing landing = route.landing(stored.nodeId());
            Subscription subscription = stored.withMessageName(route.chain().newMessageName(stored.messageName()));
            subscriptions.add(landing.moved() ? subscription.withNodeId(landing.newNodeId()) : subscription);
            if (token.state() == TokenState.EVENTS) {
                moved.placeGatewayEvent(subscription.nodeId(), landing, tokenLanding.newNodeId(), "message");
            }
            moved.placeSubscription(subscription, landing,
                    token.state() != TokenState.EVENTS && !subscription.nodeId().equals(token.nodeId()), tokenLanding.newNodeId());
        }
        return subscriptions;
    }

    /** What a timer rule needs besides the timer: the variables as the plan leaves them, and the migration's moment. */
    private record Clocked(ObjectNode variables, Instant now) {
    }

    /** Each scope's id to where its sub-process node lands. */
    private static Map<String, Landing> scopeLandings(List<Scope> scopes, Route route) {
        if (scopes.isEmpty()) {
            return Map.of();
        }
        Map<String, Landing> byId = new HashMap<>(scopes.size() * 2);
        for (Scope scope : scopes) {
            if (byId.putIfAbsent(scope.id(), route.landing(scope.nodeId())) != null) {
                throw new IllegalStateException("The instance state has two scopes with id '" + scope.id() + "'");
            }
        }
        return byId;
    }

    /** The target's sub-process node a holder runs in, or null at process level. */
    private static String scopeNodeId(Map<String, Landing> scopeLandings, String scopeId) {
        Landing scope = scopeId == null ? null : scopeLandings.get(scopeId);
        return scope == null ? null : scope.newNodeId();
    }

    /** What one pass gave: the moved tokens and scopes, the ids that changed, and what does not fit. */
    static final class Moved {

        private final ProcessDefinition target;
        private final Token[] tokens;
        private final Scope[] scopes;
        private Map<String, String> movedNodeIds = Map.of();
        private List<UnplacedNode> unplaced = List.of();
        private long lastIdNumber;
        private final List<Token> added = new ArrayList<>(0);

        private Moved(ProcessDefinition target, int tokens, int scopes, long lastIdNumber) {
            this.target = target;
            this.tokens = new Token[tokens];
            this.scopes = new Scope[scopes];
            this.lastIdNumber = lastIdNumber;
        }

        /** An id for a timer armed by the migration, numbered after every id the state used, as the engine numbers them. */
        private String newTimerId() {
            return "timer" + ++lastIdNumber;
        }

        /** An id for a token the migration sets resting at a sub-process, numbered as the engine numbers them. */
        private String newTokenId() {
            return "t" + ++lastIdNumber;
        }

        /** An id for a subscription opened by the migration, numbered as the engine numbers them. */
        private String newSubscriptionId() {
            return "sub" + ++lastIdNumber;
        }

        /** Records a message boundary event new to the task whose correlation variable holds no key. */
        private void unsubscribable(Node boundary, String activityNodeId, NodeDetails.Message message) {
            if (unplaced.isEmpty()) {
                unplaced = new ArrayList<>();
            }
            unplaced.add(new UnplacedNode(activityNodeId, UnplacedNode.NEW_BOUNDARY_MESSAGE_UNKEYED.formatted(boundary.id(),
                    target.version(), activityNodeId, message.messageName(), message.correlationKey())));
        }

        /** Records a restarted boundary timer that cannot be armed, because its variable holds no valid timer. */
        private void unarmable(Node boundary, String activityNodeId) {
            if (unplaced.isEmpty()) {
                unplaced = new ArrayList<>();
            }
            TimerDefinition definition = boundary.details(NodeDetails.BoundaryTimer.class).timer();
            unplaced.add(new UnplacedNode(activityNodeId, UnplacedNode.RESTARTED_TIMER_UNARMABLE.formatted(boundary.id(),
                    target.version(), activityNodeId, definition.variable().orElse("?"), definition.type().expected(),
                    boundary.id())));
        }

        /** Records where one place lands; the place and its problem are spelled out only when it does not fit. */
        private void place(String holderKind, String holderId, String oldNodeId, Landing landing, StateHeld needs,
                String scopeNodeId) {
            if (landing.moved()) {
                if (movedNodeIds.isEmpty()) {
                    movedNodeIds = new LinkedHashMap<>();
                }
                movedNodeIds.putIfAbsent(oldNodeId, landing.newNodeId());
            }
            if (landing.holds(needs, scopeNodeId)) {
                return;
            }
            NodePlace place = new NodePlace(holderKind, holderId, oldNodeId, landing.newNodeId(), needs, scopeNodeId);
            Placement.problem(place, target).ifPresent(reason -> {
                if (unplaced.isEmpty()) {
                    unplaced = new ArrayList<>();
                }
                unplaced.add(new UnplacedNode(oldNodeId, reason));
            });
        }

        /** Records where a boundary timer lands; it fits only on a timer boundary event of the token's new node. */
        private void placeBoundary(Timer timer, Landing landing, String activityNodeId) {
            if (landing.moved()) {
                if (movedNodeIds.isEmpty()) {
                    movedNodeIds = new LinkedHashMap<>();
                }
                movedNodeIds.putIfAbsent(timer.nodeId(), landing.newNodeId());
            }
            Node node = landing.node();
            if (node != null && node.kind() == NodeKind.BOUNDARY_TIMER_EVENT
                    && node.details(NodeDetails.BoundaryTimer.class).attachedToId().equals(activityNodeId)) {
                return;
            }
            if (unplaced.isEmpty()) {
                unplaced = new ArrayList<>();
            }
            unplaced.add(new UnplacedNode(timer.nodeId(), UnplacedNode.BOUNDARY_TIMER_MISSING.formatted(timer.nodeId(),
                    landing.newNodeId(), target.version(), activityNodeId, timer.nodeId(), activityNodeId)));
        }

        /**
         * Records where a subscription lands: a boundary one only on a message boundary event of the
         * token's new node, and any one only on a node waiting for the message it waits for.
         */
        private void placeSubscription(Subscription subscription, Landing landing, boolean boundary, String activityNodeId) {
            if (landing.moved()) {
                if (movedNodeIds.isEmpty()) {
                    movedNodeIds = new LinkedHashMap<>();
                }
                movedNodeIds.putIfAbsent(subscription.nodeId(), landing.newNodeId());
            }
            Node node = landing.node();
            String problem = null;
            if (boundary && (node == null || node.kind() != NodeKind.BOUNDARY_MESSAGE_EVENT
                    || !node.details(NodeDetails.BoundaryMessage.class).attachedToId().equals(activityNodeId))) {
                problem = UnplacedNode.BOUNDARY_MESSAGE_MISSING.formatted(subscription.nodeId(), landing.newNodeId(),
                        target.version(), activityNodeId, subscription.nodeId(), activityNodeId);
            } else if (node != null) {
                String waitsFor = messageNameOf(node);
                if (waitsFor != null && !waitsFor.equals(subscription.messageName())) {
                    problem = UnplacedNode.MESSAGE_NAME_CHANGED.formatted(subscription.nodeId(), subscription.messageName(),
                            node.id(), target.version(), waitsFor, subscription.nodeId(), subscription.messageName(),
                            subscription.messageName());
                }
            }
            if (problem == null) {
                return;
            }
            if (unplaced.isEmpty()) {
                unplaced = new ArrayList<>();
            }
            unplaced.add(new UnplacedNode(subscription.nodeId(), problem));
        }

        /**
         * Records where an event after an event-based gateway lands: it fits only on a catch event of
         * the same kind (or a receive task, for a message) that the gateway's new node leads to.
         */
        private void placeGatewayEvent(String oldNodeId, Landing landing, String gatewayNodeId, String what) {
            if (landing.moved()) {
                if (movedNodeIds.isEmpty()) {
                    movedNodeIds = new LinkedHashMap<>();
                }
                movedNodeIds.putIfAbsent(oldNodeId, landing.newNodeId());
            }
            Node node = landing.node();
            boolean fits = node != null && ("timer".equals(what) ? node.kind() == NodeKind.TIMER_CATCH_EVENT
                    : node.kind() == NodeKind.MESSAGE_CATCH_EVENT || node.kind() == NodeKind.RECEIVE_TASK)
                    && target.node(gatewayNodeId).map(gateway -> gateway.outgoing().stream()
                            .anyMatch(flowId -> target.requireFlow(flowId).targetId().equals(node.id()))).orElse(false);
            if (fits) {
                return;
            }
            if (unplaced.isEmpty()) {
                unplaced = new ArrayList<>();
            }
            unplaced.add(new UnplacedNode(oldNodeId, UnplacedNode.GATEWAY_EVENT_MISSING.formatted(what, oldNodeId,
                    landing.newNodeId(), target.version(), what, gatewayNodeId, oldNodeId, what, gatewayNodeId)));
        }

        private static String messageNameOf(Node node) {
            if (node.details() instanceof NodeDetails.Message message) {
                return message.messageName();
            }
            return node.details() instanceof NodeDetails.BoundaryMessage boundary ? boundary.message().messageName() : null;
        }

        /** The moved tokens, then those the migration set resting at sub-processes. */
        List<Token> tokens() {
            if (added.isEmpty()) {
                return Arrays.asList(tokens);
            }
            List<Token> all = new ArrayList<>(Arrays.asList(tokens));
            all.addAll(added);
            return all;
        }

        List<Scope> scopes() {
            return Arrays.asList(scopes);
        }

        /** The state's last id number, after the ids of the timers the migration armed. */
        long lastIdNumber() {
            return lastIdNumber;
        }

        /** Old id to new id, for each node id of the state that changed, in the order the state holds them. */
        Map<String, String> movedNodeIds() {
            return movedNodeIds;
        }

        /** The nodes that cannot move, tokens first; empty when the moved state fits the target. */
        List<UnplacedNode> unplaced() {
            return unplaced;
        }
    }
}
