package io.ferry.persistence;

import java.util.List;

/**
 * An instance as one read finds it: its row, its open incidents (oldest first) and the
 * {@code InstanceMigrated} events of its history (oldest first), which every view of it shows.
 */
public record StoredInstance(InstanceRecord row, List<IncidentRecord> openIncidents, List<HistoryEventRecord> appliedMigrations) {

    /** A new instance: nothing has happened to it yet that a view would list. */
    public static StoredInstance created(InstanceRecord row) {
        return new StoredInstance(row, List.of(), List.of());
    }
}
