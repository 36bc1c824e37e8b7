package io.ferry.execution;

import java.time.Instant;
import java.util.Objects;

/**
 * What the engine needs to know about the operation beyond the instance itself.
 *
 * @param instanceId the instance the operation is about (named in messages and idempotency keys)
 * @param now the operation's moment, from the injected clock: timers armed now count from it, and
 *     only timers due by it fire; the engine reads no other clock
 */
public record OperationContext(String instanceId, Instant now) {

    public OperationContext {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(now, "now");
    }
}
