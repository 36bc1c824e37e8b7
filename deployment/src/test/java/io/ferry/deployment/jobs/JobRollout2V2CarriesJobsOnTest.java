package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.message.MessageBufferSweep;
import io.ferry.service.ServiceTaskContext;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Version 2 renamed the task; its plan maps the old one on. The jobs in back-off are run when due
 * (no sweep needed): each instance is migrated on load, and its job runs at the mapped task with the
 * same idempotency key and its attempt count kept; version 2's two attempts apply from there.
 */
@Order(13)
class JobRollout2V2CarriesJobsOnTest {

    @RegisterExtension
    static final QuarkusUnitTest app = JobRollout.build("v2", "refund-1-to-2.yaml", "return-1-to-2.yaml");

    @Inject
    Pool pool;
    @Inject
    MessageBufferSweep sweep;

    @Test
    void jobsInFlightCompleteAtTheMappedTaskWithTheirKeyAndAttempts() {
        SettableClock.now = Instant.parse("2027-01-04T09:01:00Z");
        String recovering = JobRollout.recalled("recovering");
        String stillDown = JobRollout.recalled("stillDown");

        given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(1)).body("failed", equalTo(1));

        ServiceTaskContext call = JobRollout.RefundHandler.CALLS.stream()
                .filter(found -> found.instanceId().equals(recovering)).findFirst().orElseThrow();
        assertThat(call.nodeId()).isEqualTo("transferRefund");
        assertThat(call.idempotencyKey()).isEqualTo(JobRollout.recalled("key"));
        assertThat(call.attempt()).isEqualTo(2);
        given().get("/instances/{id}", recovering).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("version", equalTo("2")).body("variables.refunded", equalTo(true));
        given().get("/instances/{id}/history", recovering).then().statusCode(200)
                .body("find { it.type == 'InstanceMigrated' }.data.movedNodeIds.payRefund", equalTo("transferRefund"))
                .body("find { it.type == 'ServiceTaskCompleted' }.nodeId", equalTo("transferRefund"));

        // Two attempts in all now, one of them made under version 1: the second failure is an incident.
        given().get("/instances/{id}", stillDown).then().statusCode(200).body("version", equalTo("2"))
                .body("jobs[0].nodeId", equalTo("transferRefund")).body("jobs[0].incident", equalTo(true))
                .body("jobs[0].attempts", equalTo(2));
        given().queryParam("instanceId", stillDown).get("/incidents").then().statusCode(200)
                .body("nodeId", contains("transferRefund")).body("attempts", contains(2));
    }

    /**
     * The parcel comes back after the rollout, announced under the message's new name: it finds the version 1
     * subscription (stored under the old name, which the plan renames), which moves with the instance.
     */
    @Test
    void aMessageUnderItsNewNameReachesAVersion1SubscriptionAtTheMappedReceiveTask() {
        String returned = JobRollout.recalled("return");
        given().get("/instances/{id}", returned).then().statusCode(200).body("messages[0].messageName", equalTo("ParcelReceived"))
                .body("migration.status", equalTo("PENDING"));

        given().contentType(ContentType.JSON).body(Map.of("name", "ParcelReceived", "correlationKey", "r-1",
                        "variables", Map.of("condition", "intact")))
                .post("/messages").then().statusCode(200).body("outcome", equalTo("CORRELATED")).body("instanceId", equalTo(returned));

        given().get("/instances/{id}", returned).then().statusCode(200).body("version", equalTo("2"))
                .body("activeNodeIds", contains("inspect")).body("variables.condition", equalTo("intact"));
        given().get("/instances/{id}/history", returned).then().statusCode(200)
                .body("find { it.type == 'InstanceMigrated' }.data.movedNodeIds.awaitParcel", equalTo("receiveAtWarehouse"))
                .body("find { it.type == 'MessageCorrelated' }.nodeId", equalTo("receiveAtWarehouse"))
                .body("find { it.type == 'MessageCorrelated' }.data.messageName", equalTo("ParcelReceived"));
    }

    /**
     * Version 2 lets a customer withdraw a return while its parcel is awaited (a message boundary event new on the
     * task). A version 1 return waiting for its parcel gets that subscription when it is migrated (here by an
     * operator's amendment, the first operation on it), keyed as a token arriving there would be.
     */
    @Test
    void aReturnWaitingSinceVersion1CanBeWithdrawnByTheMessageVersion2Added() {
        String withdrawn = JobRollout.recalled("withdrawn");
        given().contentType("application/merge-patch+json").body(Map.of("note", "customer called"))
                .patch("/instances/{id}/variables", withdrawn).then().statusCode(200);
        given().get("/instances/{id}", withdrawn).then().statusCode(200).body("version", equalTo("2"))
                .body("messages.messageName", containsInAnyOrder("ParcelReceived", "ReturnWithdrawn"))
                .body("messages.find { it.nodeId == 'withdrawn' }.correlationKey", equalTo("r-4"));

        given().contentType(ContentType.JSON).body(Map.of("name", "ReturnWithdrawn", "correlationKey", "r-4"))
                .post("/messages").then().statusCode(200).body("outcome", equalTo("CORRELATED")).body("instanceId", equalTo(withdrawn));

        given().get("/instances/{id}", withdrawn).then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().get("/instances/{id}/history", withdrawn).then().statusCode(200)
                .body("find { it.type == 'InstanceMigrated' }.data.subscriptions.nodeId", contains("withdrawn"))
                .body("find { it.type == 'MessageCorrelated' }.nodeId", equalTo("withdrawn"))
                .body("find { it.type == 'NodeTerminated' }.nodeId", equalTo("receiveAtWarehouse"));
    }

    /**
     * A message buffered under its version 1 name before the rollout is delivered to a version 2 subscription,
     * which waits under the new name the plan gives it.
     */
    @Test
    void aMessageBufferedUnderItsOldNameReachesASubscriptionUnderTheNewName() {
        String opened = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("returnId", "r-2")))
                .post("/processes/return/instances").then().statusCode(201).extract().path("id");

        given().get("/instances/{id}", opened).then().statusCode(200).body("version", equalTo("2"))
                .body("activeNodeIds", contains("inspect")).body("variables.condition", equalTo("dented"));
        given().get("/instances/{id}/history", opened).then().statusCode(200)
                .body("find { it.type == 'MessageCorrelated' }.nodeId", equalTo("receiveAtWarehouse"));
    }

    /**
     * The crash window: a message under the new name was buffered while a version 1 subscription under the old name
     * waited (the pod that would have delivered it died). The buffer sweep matches the two through the plan's
     * rename and delivers it, migrating the instance.
     */
    @Test
    void theBufferSweepMatchesAMessageToASubscriptionUnderTheNameThePlanRenamedItFrom() {
        SettableClock.now = Instant.parse("2027-01-04T09:01:00Z");
        String stranded = JobRollout.recalled("stranded");
        pool.preparedQuery("insert into ferry_message (id, name, correlation_key, variables, message_id, expires_at, created_at) "
                        + "values (gen_random_uuid(), 'ParcelReceived', 'r-3', '{\"condition\": \"wet\"}'::jsonb, null, $1, $1)")
                .executeAndAwait(Tuple.of(OffsetDateTime.ofInstant(SettableClock.now.plusSeconds(3600), ZoneOffset.UTC)));

        sweep.sweep().await().indefinitely();

        given().get("/instances/{id}", stranded).then().statusCode(200).body("version", equalTo("2"))
                .body("activeNodeIds", contains("inspect")).body("variables.condition", equalTo("wet"));
        assertThat(pool.query("select count(*) as left from ferry_message where correlation_key = 'r-3'").executeAndAwait()
                .iterator().next().getLong("left")).isZero();
    }
}
