package io.ferry.app;

import static io.ferry.app.OrderApi.complete;
import static io.ferry.app.OrderApi.history;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An order a version 1 image left waiting at "Review order" (its row written as that image wrote
 * it) is carried over to version 2 by plans/order-1-to-2.yaml on its next operation.
 */
@QuarkusTest
class OrderVersion1InstanceMigratesTest {

    private static final String VERSION_1_SNAPSHOT = """
            {"processId":"order","version":"1","status":"ACTIVE",
             "tokens":[{"id":"t2","nodeId":"reviewOrder","scopeId":null,"state":"WAITING"}],
             "scopes":[],"variables":{"amount":250,"legacyNote":"kept as it is"},"lastIdNumber":2}""";

    @Test
    void aVersion1OrderMovesToVersion2OnItsNextOperation() throws Exception {
        String id = storeVersion1Order();
        given().get("/instances/{id}", id).then()
                .body("version", equalTo("2"))
                .body("storedVersion", equalTo("1")).body("effectiveVersion", equalTo("2"))
                .body("activeNodeIds", contains("approveOrder"))
                .body("migration.status", equalTo("PENDING"))
                .body("migration.movedNodeIds.reviewOrder", equalTo("approveOrder"));

        // The list filters by the stored version, and says both: the two views agree.
        given().queryParam("version", "1").queryParam("processId", "order").get("/instances").then().statusCode(200)
                .body("items.find { it.id == '%s' }.storedVersion".formatted(id), equalTo("1"))
                .body("items.find { it.id == '%s' }.effectiveVersion".formatted(id), equalTo("2"));

        complete(id, "approveOrder", Map.of("approved", true)).statusCode(200)
                .body("version", equalTo("2")).body("storedVersion", equalTo("2"))
                .body("activeNodeIds", containsInAnyOrder("chargePayment", "packParcels"))
                .body("variables.currency", equalTo("EUR"))
                .body("variables.legacyNote", equalTo("kept as it is"))
                .body("migrations[0].plans", contains("plans/order-1-to-2.yaml"));
        assertThat(history(id)).startsWith("InstanceMigrated null", "TaskCompleted approveOrder");
    }

    @Test
    void completingTheMigratedTaskAgainIs409AlreadyCompletedThoughItWasCreatedUnderItsVersion1Id() throws Exception {
        String id = storeVersion1Order();
        storeTaskCreatedAtReviewOrder(id);
        complete(id, "approveOrder", Map.of("approved", true)).statusCode(200);

        complete(id, "approveOrder", Map.of("approved", true)).statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/task-already-completed"))
                .body("taskId", equalTo("t2"))
                .body("nodeId", equalTo("reviewOrder"));
    }

    /** The history a version 1 image wrote when the task was created, before version 2 renamed its node. */
    private static void storeTaskCreatedAtReviewOrder(String id) throws Exception {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement("""
                with event as (
                    insert into ferry_history_event (instance_id, sequence, id, type, node_id, token_id, data, occurred_at,
                                                     correlation_id, causation_id)
                    values (?::uuid, 1, gen_random_uuid(), 'TaskCreated', 'reviewOrder', 't2', '{}', now(), ?, 'version-1-start'))
                update ferry_instance set history_length = 1 where id = ?::uuid""")) {
            insert.setString(1, id);
            insert.setString(2, id);
            insert.setString(3, id);
            insert.executeUpdate();
        }
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private static String storeVersion1Order() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into ferry_instance (id, process_id, process_version, status, correlation_id, state, revision,
                                                 history_length, created_at, updated_at)
                     values (?, 'order', '1', 'ACTIVE', ?, ?::jsonb, 1, 0, now(), now())""")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, VERSION_1_SNAPSHOT);
            insert.executeUpdate();
        }
        return id.toString();
    }
}
