package io.ferry.app;

import io.ferry.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the database holds after a race, read with SQL: the ground truth the clients' answers are checked against. */
final class StoredHistory {

    private final EmbeddedPostgres database;

    StoredHistory(EmbeddedPostgres database) {
        this.database = database;
    }

    /** How many history events of this type each instance has; instances with none are absent. */
    Map<UUID, Long> eventsPerInstance(String type) throws SQLException {
        return counted("select instance_id, count(*) from ferry_history_event where type = ? group by instance_id", List.of(type));
    }

    /** The same, of events at one node. */
    Map<UUID, Long> eventsPerInstance(String type, String nodeId) throws SQLException {
        return counted("select instance_id, count(*) from ferry_history_event where type = ? and node_id = ? group by instance_id",
                List.of(type, nodeId));
    }

    private Map<UUID, Long> counted(String sql, List<Object> parameters) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        query(sql, parameters, row -> counts.put(row.getObject(1, UUID.class), row.getLong(2)));
        return counts;
    }

    List<UUID> instancesAtVersion(String processId, String version) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        query("select id from ferry_instance where process_id = ? and process_version = ? order by id", List.of(processId, version),
                row -> ids.add(row.getObject(1, UUID.class)));
        return ids;
    }

    /**
     * Instances whose history is not exactly the sequences 1..history_length, described. The primary
     * key (instance_id, sequence) rules out repeats, so count, least and greatest tell.
     */
    List<String> historiesNotContiguous() throws SQLException {
        List<String> found = new ArrayList<>();
        query("""
                select i.id, i.history_length, count(h.sequence), min(h.sequence), max(h.sequence)
                from ferry_instance i left join ferry_history_event h on h.instance_id = i.id
                group by i.id, i.history_length
                having count(h.sequence) <> i.history_length
                    or (count(h.sequence) > 0 and (min(h.sequence) <> 1 or max(h.sequence) <> i.history_length))
                order by i.id""", List.of(),
                row -> found.add("instance %s: history_length %d, %d events, sequences %d..%d".formatted(
                        row.getObject(1, UUID.class), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5))));
        return found;
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, Row each) throws SQLException {
        try (Connection connection = Version1Backlog.connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        }
    }
}
