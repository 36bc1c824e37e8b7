package io.ferry.persistence;

import io.ferry.state.InstanceState;

/**
 * An instance's state as unmarshalled for its next operation, and what loading did about its
 * version. When {@code migration} is {@link MigrationOnLoad.Applied}, {@code state} is already the
 * migrated state; otherwise it is the stored state as it is.
 */
public record LoadedInstance(InstanceState state, MigrationOnLoad migration) {
}
