package io.ferry.execution.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Subscription;

/**
 * Message subscriptions, for message catch events, receive tasks, the events after an event-based
 * gateway and message boundary events. The correlation key is read from the variable the BPMN
 * names when the subscription opens, and kept: a later change of the variable does not move it.
 */
public final class SubscriptionBehaviour {

    /** A subscription opened, or why it could not be. */
    public record Opened(Subscription subscription, Refusal refusal) {
    }

    /** Opens the subscription of a node's message for a token, and records it in the history. */
    public Opened open(Node node, NodeDetails.Message message, String tokenId, Run run) {
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

    /** Merges a correlated message's variables and records {@code MessageCorrelated} at the node. */
    public void correlate(Node node, String tokenId, Subscription subscription, ObjectNode variables, Run run) {
        run.mergeVariables(variables);
        ObjectNode data = variables.objectNode().put("subscriptionId", subscription.id())
                .put("messageName", subscription.messageName()).put("correlationKey", subscription.correlationKey());
        data.set("variables", variables.deepCopy());
        run.record(EngineEvent.MESSAGE_CORRELATED, node.id(), tokenId, data);
    }
}
