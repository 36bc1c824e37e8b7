package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Version 2 hangs a withdrawal message and a five-day limit (restarted by the plan) on the sub-process. The
 * version 1 claim being settled is swept: a token now rests at the sub-process with both, and the withdrawal
 * ends the sub-process with the task inside it, which a client then completes in vain.
 */
@Order(15)
class SubProcessRollout2V2InterruptsTheClaimTest {

    @RegisterExtension
    static final QuarkusUnitTest app = TimerRollout.build("claim-v2.bpmn", "claim-1-to-2.yaml");

    @Test
    void theSweptClaimCanBeWithdrawnWhileItIsSettled() {
        SettableClock.now = Instant.parse("2027-01-05T15:00:00Z");
        String id = TimerRollout.instance("claim-instance");

        given().post("/admin/migrations/sweep").then().statusCode(200);
        given().get("/instances/{id}", id).then().statusCode(200).body("version", equalTo("2"))
                .body("activeNodeIds", containsInAnyOrder("settle", "assess"))
                .body("timers.nodeId", contains("overdue")).body("timers[0].dueAt", equalTo("2027-01-10T15:00:00Z"))
                .body("messages.nodeId", contains("withdrawn")).body("messages[0].correlationKey", equalTo("c-1"));

        given().contentType(ContentType.JSON).body(Map.of("name", "ClaimWithdrawn", "correlationKey", "c-1"))
                .post("/messages").then().statusCode(200).body("outcome", equalTo("CORRELATED")).body("instanceId", equalTo(id));

        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("timers.size()", equalTo(0));
        given().get("/instances/{id}/history", id).then().statusCode(200)
                .body("find { it.type == 'NodeTerminated' && it.nodeId == 'assess' }.data.by", equalTo("withdrawn"))
                .body("find { it.type == 'InstanceMigrated' }.data.subscriptions.nodeId", contains("withdrawn"))
                .body("find { it.type == 'InstanceMigrated' }.data.timers.nodeId", contains("overdue"));
        given().get("/instances/{id}/tasks", id).then().statusCode(200).body("size()", equalTo(0));
    }
}
