package io.ferry.execution;

import java.util.Objects;

/**
 * What the engine needs to know about the operation beyond the instance itself.
 *
 * @param instanceId the instance the operation is about (named in messages and idempotency keys)
 */
public record OperationContext(String instanceId) {

    public OperationContext {
        Objects.requireNonNull(instanceId, "instanceId");
    }
}
