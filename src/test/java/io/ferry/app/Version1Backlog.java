package io.ferry.app;

import io.ferry.embedded.EmbeddedPostgres;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Version 1 {@code order} instances stored straight into the tables, as a version 1 image left them
 * waiting at "Review order" (as the benchmark's {@code Sweep.storeVersion1Instances} does): copies
 * of an order the current image started, with the version and the task's node id of version 1
 * (src/test/resources/fixtures/order-v1.bpmn), in the snapshot and in the history of the start;
 * version 1 differs from 2 there in that node id alone.
 */
final class Version1Backlog {

    private Version1Backlog() {
    }

    /** Stores {@code count} old instances in one statement and returns their ids. */
    static List<UUID> store(EmbeddedPostgres database, PackagedApp pod, int count) throws SQLException {
        String template = pod.api().contentType(ContentType.JSON).body(Map.of("variables", Map.of("amount", 120)))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");
        List<UUID> ids = new ArrayList<>(count);
        try (Connection connection = connect(database); PreparedStatement insert = connection.prepareStatement("""
                with copies as (select gen_random_uuid() as id from generate_series(1, ?)),
                instances as (
                    insert into ferry_instance (id, process_id, process_version, status, correlation_id, state, revision,
                                                history_length, created_at, updated_at)
                    select c.id, 'order', '1', 'ACTIVE', c.id::text,
                           jsonb_set(jsonb_set(t.state, '{version}', '"1"'), '{tokens,0,nodeId}', '"reviewOrder"'),
                           1, t.history_length, now(), now()
                    from copies c cross join ferry_instance t where t.id = ?),
                history as (
                    insert into ferry_history_event (instance_id, sequence, id, type, node_id, token_id, data, occurred_at,
                                                     correlation_id, causation_id)
                    select c.id, h.sequence, gen_random_uuid(), h.type,
                           case h.node_id when 'approveOrder' then 'reviewOrder' else h.node_id end,
                           h.token_id, h.data, now(), c.id::text, h.causation_id
                    from copies c cross join ferry_history_event h where h.instance_id = ?)
                select id from copies""")) {
            insert.setInt(1, count);
            insert.setObject(2, UUID.fromString(template));
            insert.setObject(3, UUID.fromString(template));
            try (ResultSet stored = insert.executeQuery()) {
                while (stored.next()) {
                    ids.add(stored.getObject(1, UUID.class));
                }
            }
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum analyze ferry_instance, ferry_history_event");
            }
        }
        return ids;
    }

    static Connection connect(EmbeddedPostgres database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
