package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.state.Subscription;

/**
 * Opening message subscriptions, shared by the message catch event, the receive task and the
 * activities that carry message boundary events. The correlation key is read from the variable the
 * BPMN names when the subscription opens, and kept: a later change of the variable does not move it.
 */
final class Subscriptions {

    /** A subscription opened, or why it could not be. */
    record Opened(Subscription subscription, Refusal refusal) {
    }

    private Subscriptions() {
    }

    /** Opens the subscription of a node's message for a token, and records it in the history. */
    static Opened open(Node node, NodeDetails.Message message, String tokenId, Run run) {
        JsonNode value = message.correlationValue(run.variables());
        if (!NodeDetails.Message.isKey(value)) {
            return new Opened(null, Refusal.correlationKeyInvalid(run.instanceId(), node, message, value));
        }
        Subscription subscription = new Subscription(run.newSubscriptionId(), node.id(), message.messageName(), value.asText());
        run.record(EngineEvent.MESSAGE_SUBSCRIBED, node.id(), tokenId, JsonNodeFactory.instance.objectNode()
                .put("subscriptionId", subscription.id()).put("messageName", subscription.messageName())
                .put("correlationKey", subscription.correlationKey()));
        return new Opened(subscription, null);
    }
}
