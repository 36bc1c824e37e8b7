package io.ferry.persistence;

import java.util.UUID;

/** A subscription row to write with an instance: opened with its message name and key, or closed when those are null. */
public record SubscriptionChange(UUID instanceId, String subscriptionId, String messageName, String correlationKey) {

    boolean opened() {
        return messageName != null;
    }
}
