package io.ferry.state;

/** Where an instance is in its life. Only ACTIVE instances accept operations that advance them. */
public enum InstanceStatus {
    ACTIVE,
    COMPLETED,
    CANCELLED
}
