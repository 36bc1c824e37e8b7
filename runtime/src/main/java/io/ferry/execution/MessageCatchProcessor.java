package io.ferry.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.state.Subscription;
import io.ferry.state.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message catch event or receive task: the token waits with a subscription to its message, keyed
 * by the correlation variable's value when it arrives (a receive task's boundary events are armed
 * too). When the message comes, its variables are merged and the token moves on.
 */
final class MessageCatchProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        Subscriptions.Opened own = Subscriptions.open(node, node.details(NodeDetails.Message.class), token.id(), run);
        if (own.refusal() != null) {
            return Optional.of(own.refusal());
        }
        Timers.Boundaries boundaries = Timers.armBoundaries(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        List<Subscription> subscriptions = new ArrayList<>();
        subscriptions.add(own.subscription());
        subscriptions.addAll(boundaries.subscriptions());
        run.restForMessage(token, boundaries.timers(), subscriptions);
        return Optional.empty();
    }

    /**
     * The message came: its variables are merged and the token moves on from the subscription's node,
     * dropping its boundary events (or, at an event-based gateway, the gateway's other events).
     */
    Optional<Refusal> onMessage(Token waiting, Subscription subscription, ObjectNode variables, Run run) {
        Node node = run.process().node(subscription.nodeId());
        MovingToken token = run.wakeAt(waiting, node);
        run.mergeVariables(variables);
        run.record(EngineEvent.MESSAGE_CORRELATED, node.id(), token.id(), correlated(subscription, variables));
        return run.leaveActivity(node, token);
    }

    static ObjectNode correlated(Subscription subscription, ObjectNode variables) {
        ObjectNode data = variables.objectNode().put("subscriptionId", subscription.id())
                .put("messageName", subscription.messageName()).put("correlationKey", subscription.correlationKey());
        data.set("variables", variables.deepCopy());
        return data;
    }
}
