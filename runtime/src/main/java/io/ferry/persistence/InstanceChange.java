package io.ferry.persistence;

import java.util.List;

/**
 * What one instance's write stores: its row holding the new state (at the revision it was read at,
 * which the write checks), the history rows that follow, whether a migration went through (which
 * resolves the instance's open {@code MIGRATION_BLOCKED} incidents), and the timer, job and incident
 * rows its effects ask for, and the message it delivers, if any.
 */
public record InstanceChange(InstanceRecord row, List<HistoryEventRecord> events, boolean migrated, EffectRows effects,
        MessageDelivery delivery) {

    /** A change that delivers no message. */
    public InstanceChange(InstanceRecord row, List<HistoryEventRecord> events, boolean migrated, EffectRows effects) {
        this(row, events, migrated, effects, MessageDelivery.NONE);
    }

    /** A change that writes no timer, job or incident row (a migration alone keeps every timer as it is). */
    public InstanceChange(InstanceRecord row, List<HistoryEventRecord> events, boolean migrated) {
        this(row, events, migrated, EffectRows.NONE, MessageDelivery.NONE);
    }
}
