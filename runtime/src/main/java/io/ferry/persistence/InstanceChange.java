package io.ferry.persistence;

import java.util.List;

/**
 * What one instance's write stores: its row holding the new state (at the revision it was read at,
 * which the write checks), the history rows that follow, and whether a migration went through, which
 * resolves the instance's open {@code MIGRATION_BLOCKED} incidents, and the timers it arms or drops.
 */
public record InstanceChange(InstanceRecord row, List<HistoryEventRecord> events, boolean migrated, List<TimerChange> timers) {

    /** A change that arms and drops no timer (a migration alone keeps every timer as it is). */
    public InstanceChange(InstanceRecord row, List<HistoryEventRecord> events, boolean migrated) {
        this(row, events, migrated, List.of());
    }
}
