package io.ferry.deployment.rollout;

import static io.ferry.deployment.rollout.RolloutScenario.complete;
import static io.ferry.deployment.rollout.RolloutScenario.instance;
import static io.ferry.deployment.rollout.RolloutScenario.storedRow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The v3 image, holding neither v1 nor v2, only the plans v1→v2 and v2→v3 (the second forgets
 * payOut). Instances move on their next operation; the one at payOut is blocked, untouched.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Rollout2V3MigratesOnNextOperationTest {

    @RegisterExtension
    static final QuarkusUnitTest v3 = RolloutScenario.build("claim-v3.bpmn", "claim-1-to-2.yaml", "claim-2-to-3.yaml");

    @Test
    @Order(1)
    void theBuildComposedOneDirectChainFromVersion1() {
        given().get("/admin/migrations").then().statusCode(200)
                .body("chains.find { it.fromVersion == '1' }.toVersion", equalTo("3"))
                .body("chains.find { it.fromVersion == '1' }.nodeMap.registerClaim", equalTo("recordClaim"))
                .body("chains.find { it.fromVersion == '1' }.nodeMap.assessDamage", equalTo("inspectDamage"));
    }

    @Test
    @Order(2)
    void aReadShowsThePendingMigrationWithoutWritingIt() throws Exception {
        String id = instance("registering");
        String before = storedRow(id);
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("version", equalTo("3"))
                .body("activeNodeIds", contains("recordClaim"))
                .body("variables.claimedAmount", equalTo(900))
                .body("migration.status", equalTo("PENDING"))
                .body("migration.plans", contains("plans/claim-1-to-2.yaml", "plans/claim-2-to-3.yaml"));
        assertThat(storedRow(id)).isEqualTo(before);
    }

    @Test
    @Order(3)
    void thePreviewCountsWhatMovesAndWhatBlocksWithoutWriting() throws Exception {
        String blocked = instance("payingOut");
        String before = storedRow(blocked);
        given().get("/admin/migrations/preview").then().statusCode(200)
                .body("groups.find { it.nodeId == 'payOut' }.outcome", equalTo("BLOCKS"))
                .body("groups.find { it.nodeId == 'payOut' }.sampleInstanceIds", contains(blocked))
                .body("groups.find { it.nodeId == 'checkPolicy' }.targetNodeId", equalTo("checkPolicy"));
        assertThat(storedRow(blocked)).isEqualTo(before);
    }

    @Test
    @Order(4)
    void theNextOperationMigratesAndContinuesInOneTransaction() {
        String id = instance("registering");
        complete(id, "recordClaim", 200);
        given().get("/instances/{id}", id).then()
                .body("version", equalTo("3"))
                .body("activeNodeIds", containsInAnyOrder("inspectDamage", "checkPolicy"))
                .body("migration", equalTo(null))
                .body("migrations", hasSize(1))
                .body("migrations[0].fromVersion", equalTo("1"));
        List<String> types = given().get("/instances/{id}/history", id).then().extract().path("type");
        assertThat(types).containsSubsequence("InstanceStarted", "TaskCreated", "InstanceMigrated", "TaskCompleted", "NodeEntered");
        assertThat(types.indexOf("InstanceMigrated")).isEqualTo(types.indexOf("TaskCompleted") - 1);

        String assessing = instance("assessing");
        complete(assessing, "inspectDamage", 200);
        complete(assessing, "checkPolicy", 200);
        given().get("/instances/{id}", assessing).then().body("activeNodeIds", contains("settleClaim"));
    }

    @Test
    @Order(5)
    void anUnmappableInstanceIsRefusedWithAnIncidentAndItsStateIntact() throws Exception {
        String id = instance("payingOut");
        String before = storedRow(id);
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/payOut/complete", id)
                .then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/migration-blocked"))
                .body("unmappedNodes", contains("payOut"))
                .body("fromVersion", equalTo("1"))
                .body("toVersion", equalTo("3"))
                .body("detail", containsString(id));
        assertThat(storedRow(id)).isEqualTo(before);
        given().get("/instances/{id}", id).then()
                .body("migration.status", equalTo("BLOCKED"))
                .body("incidents", hasSize(1))
                .body("incidents[0].type", equalTo("MIGRATION_BLOCKED"))
                .body("incidents[0].nodeIds", contains("payOut"));
    }

    @Test
    @Order(6)
    void theSweepMovesIdleInstancesAndLeavesBlockedOnesAlone() throws Exception {
        String idle = instance("idle");
        String blocked = instance("payingOut");
        String blockedBefore = storedRow(blocked);
        // One instance per call: each call goes on after the previous one, so the blocked instance,
        // wherever its id falls, is passed by once instead of being met again at every call's start.
        boolean finished = false;
        for (int call = 0; call < 50 && !finished; call++) {
            finished = given().post("/admin/migrations/sweep?batchSize=1&maxBatches=1").then().statusCode(200)
                    .extract().path("processes[0].finished");
        }
        assertThat(finished).as("one-instance sweep calls reached the end of the backlog").isTrue();
        given().get("/instances/{id}", idle).then()
                .body("version", equalTo("3"))
                .body("migration", equalTo(null))
                .body("activeNodeIds", containsInAnyOrder("inspectDamage", "join"));
        assertThat(storedRow(idle)).startsWith("3|");
        assertThat(storedRow(blocked)).isEqualTo(blockedBefore);
        given().get("/instances/{id}", blocked).then().body("incidents", hasSize(1));
    }
}
