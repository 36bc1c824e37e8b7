package io.ferry.state;

import java.util.Objects;

/**
 * A token's open subscription to a message: at a message catch event or receive task (its own), or
 * of a message boundary event attached to the activity it waits at. The database keeps a row per
 * subscription (instance id, subscription id, message name and correlation key) so that
 * {@code POST /messages} finds it; this is the instance's own record of it.
 *
 * @param id stable within the instance; the row names it
 * @param nodeId the node whose message it is: the catch event or receive task, or a boundary event
 * @param messageName the message it waits for
 * @param correlationKey the key a message must carry, as the correlation variable held when it opened
 */
public record Subscription(String id, String nodeId, String messageName, String correlationKey) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(messageName, "messageName");
        Objects.requireNonNull(correlationKey, "correlationKey");
    }

    public Subscription withNodeId(String newNodeId) {
        return new Subscription(id, newNodeId, messageName, correlationKey);
    }

    public Subscription withMessageName(String newMessageName) {
        return new Subscription(id, nodeId, newMessageName, correlationKey);
    }
}
