package io.ferry.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The ceiling: the statements Ferry issues for one operation, replayed over JDBC with the rows
 * Ferry wrote ({@link OrderTemplates}). Taken from the app's SQL log
 * ({@code -Dquarkus.hibernate-orm.log.sql=true}), one round trip each, in this order:
 * <ul>
 * <li>start: in one transaction, insert the instance, insert each of its 5 history events, update
 * the instance (Hibernate flushes the snapshot once more, under the revision check); then, as the
 * response is built, select its open incidents and its {@code InstanceMigrated} events.</li>
 * <li>complete {@code approveOrder}: in one transaction, select the instance row, insert each of
 * the 12 history events, update the snapshot under the revision check; then the same two selects.</li>
 * </ul>
 */
final class OrderStatementsByHand implements ClosedLoop.Client {

    private static final String INSERT_INSTANCE = """
            insert into ferry_instance (business_key, correlation_id, created_at, history_length, process_id,
                                        process_version, revision, state, status, updated_at, id)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""";
    private static final String INSERT_EVENT = """
            insert into ferry_history_event (causation_id, correlation_id, data, id, node_id, occurred_at, token_id, type,
                                             instance_id, sequence)
            values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_INSTANCE = """
            update ferry_instance set business_key = ?, correlation_id = ?, created_at = ?, history_length = ?, process_id = ?,
                process_version = ?, revision = ?, state = ?::jsonb, status = ?, updated_at = ?
            where id = ? and revision = ?""";
    private static final String SELECT_INSTANCE = """
            select id, business_key, correlation_id, created_at, history_length, process_id, process_version, revision,
                   state, status, updated_at
            from ferry_instance where id = ?""";
    private static final String SELECT_OPEN_INCIDENTS = """
            select id, instance_id, created_at, message, node_ids, resolved_at, type from ferry_incident
            where instance_id = ? and resolved_at is null order by created_at""";
    private static final String SELECT_MIGRATIONS = """
            select instance_id, sequence, causation_id, correlation_id, data, id, node_id, occurred_at, token_id, type
            from ferry_history_event where instance_id = ? and type = ? order by sequence""";

    private final Connection connection;
    private final PreparedStatement insertInstance;
    private final PreparedStatement insertEvent;
    private final PreparedStatement updateInstance;
    private final PreparedStatement selectInstance;
    private final PreparedStatement selectIncidents;
    private final PreparedStatement selectMigrations;
    private final Operation operation;

    private interface Operation {
        void run(OrderStatementsByHand self) throws SQLException;
    }

    private OrderStatementsByHand(Database database, Operation operation) throws SQLException {
        this.connection = database.connect();
        this.insertInstance = connection.prepareStatement(INSERT_INSTANCE);
        this.insertEvent = connection.prepareStatement(INSERT_EVENT);
        this.updateInstance = connection.prepareStatement(UPDATE_INSTANCE);
        this.selectInstance = connection.prepareStatement(SELECT_INSTANCE);
        this.selectIncidents = connection.prepareStatement(SELECT_OPEN_INCIDENTS);
        this.selectMigrations = connection.prepareStatement(SELECT_MIGRATIONS);
        this.operation = operation;
    }

    static ClosedLoop.ClientFactory starting(Database database, OrderTemplates templates) {
        return index -> new OrderStatementsByHand(database, self -> self.start(templates));
    }

    /** Each connection cycles through its own instances: a second round finds them at a higher revision, as Ferry would. */
    static ClosedLoop.ClientFactory completing(Database database, OrderTemplates templates, List<List<UUID>> instancesPerClient) {
        return index -> {
            List<UUID> instances = instancesPerClient.get(index);
            int[] next = {0};
            return new OrderStatementsByHand(database, self -> self.complete(templates, instances.get(next[0]++ % instances.size())));
        };
    }

    @Override
    public void operate() throws SQLException {
        try {
            operation.run(this);
        } catch (SQLException | RuntimeException e) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            throw e;
        }
    }

    private void start(OrderTemplates templates) throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        connection.setAutoCommit(false);
        insertInstance.setString(1, null);
        insertInstance.setString(2, id.toString());
        insertInstance.setObject(3, now);
        insertInstance.setLong(4, 0);
        insertInstance.setString(5, "order");
        insertInstance.setString(6, "2");
        insertInstance.setLong(7, 0);
        insertInstance.setString(8, templates.waitingState());
        insertInstance.setString(9, "ACTIVE");
        insertInstance.setObject(10, now);
        insertInstance.setObject(11, id);
        insertInstance.executeUpdate();
        insertEvents(id, 0, templates.startEvents());
        update(id, now, templates.startEvents().size(), templates.waitingState(), 0);
        connection.commit();
        connection.setAutoCommit(true);
        response(id);
    }

    private void complete(OrderTemplates templates, UUID id) throws SQLException {
        connection.setAutoCommit(false);
        long revision;
        long historyLength;
        OffsetDateTime createdAt;
        selectInstance.setObject(1, id);
        try (ResultSet row = selectInstance.executeQuery()) {
            row.next();
            createdAt = row.getObject("created_at", OffsetDateTime.class);
            historyLength = row.getLong("history_length");
            revision = row.getLong("revision");
            row.getString("state");
        }
        insertEvents(id, historyLength, templates.completeEvents());
        update(id, createdAt, historyLength + templates.completeEvents().size(), templates.completedState(), revision);
        connection.commit();
        connection.setAutoCommit(true);
        response(id);
    }

    private void insertEvents(UUID instance, long sequence, List<OrderTemplates.HistoryEvent> events) throws SQLException {
        String cause = "command-" + UUID.randomUUID();
        for (OrderTemplates.HistoryEvent event : events) {
            UUID id = UUID.randomUUID();
            insertEvent.setString(1, cause);
            insertEvent.setString(2, instance.toString());
            insertEvent.setString(3, event.data());
            insertEvent.setObject(4, id);
            insertEvent.setString(5, event.nodeId());
            insertEvent.setObject(6, now());
            insertEvent.setString(7, event.tokenId());
            insertEvent.setString(8, event.type());
            insertEvent.setObject(9, instance);
            insertEvent.setLong(10, ++sequence);
            insertEvent.executeUpdate();
            cause = id.toString();
        }
    }

    private void update(UUID id, OffsetDateTime createdAt, long historyLength, String state, long revision) throws SQLException {
        updateInstance.setString(1, null);
        updateInstance.setString(2, id.toString());
        updateInstance.setObject(3, createdAt);
        updateInstance.setLong(4, historyLength);
        updateInstance.setString(5, "order");
        updateInstance.setString(6, "2");
        updateInstance.setLong(7, revision + 1);
        updateInstance.setString(8, state);
        updateInstance.setString(9, "ACTIVE");
        updateInstance.setObject(10, now());
        updateInstance.setObject(11, id);
        updateInstance.setLong(12, revision);
        if (updateInstance.executeUpdate() != 1) {
            connection.rollback();
            throw new IllegalStateException("instance " + id + " was not at revision " + revision);
        }
    }

    private void response(UUID id) throws SQLException {
        selectIncidents.setObject(1, id);
        try (ResultSet rows = selectIncidents.executeQuery()) {
            while (rows.next()) {
                rows.getString("message");
            }
        }
        selectMigrations.setObject(1, id);
        selectMigrations.setString(2, "InstanceMigrated");
        try (ResultSet rows = selectMigrations.executeQuery()) {
            while (rows.next()) {
                rows.getString("data");
            }
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
