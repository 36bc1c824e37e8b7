package io.ferry.deployment.rollout;

import static io.ferry.deployment.rollout.RolloutScenario.instance;
import static io.ferry.deployment.rollout.RolloutScenario.storeAsNewerFerry;
import static io.ferry.deployment.rollout.RolloutScenario.storedRow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.persistence.JsonInstanceMarshaller;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An old v1 pod during a rolling update: it refuses an instance already at v3 and never downgrades it. */
@Order(4)
class Rollout4OldPodRefusesNewerInstanceTest {

    @RegisterExtension
    static final QuarkusUnitTest v1Again = RolloutScenario.build("claim-v1.bpmn");

    @Test
    void anInstanceAtANewerVersionIsRefusedAndLeftAlone() throws Exception {
        String id = instance("registering");
        String before = storedRow(id);
        given().get("/instances/{id}", id).then().body("migration.status", equalTo("NEWER_THAN_DEPLOYMENT"));
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/checkPolicy/complete", id)
                .then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/owned-by-newer-deployment"))
                .body("detail", containsString("a newer deployment owns it"));
        assertThat(storedRow(id)).isEqualTo(before);
    }

    /**
     * A newer Ferry (not only a newer process version) may store things this one does not know. The
     * old pod neither fails with a 500 nor drops them: it refuses, and the sweep passes the row by.
     */
    @Test
    void anInstanceStoredByANewerFerryIsRefusedAndLeftAlone() throws Exception {
        String id = instance("assessing");
        storeAsNewerFerry(id, JsonInstanceMarshaller.FORMAT + 1);
        String before = storedRow(id);
        given().get("/instances/{id}", id).then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/owned-by-newer-deployment"))
                .body("detail", equalTo("Instance " + id + " (process 'claim') was stored by a newer Ferry, in snapshot "
                        + "format " + (JsonInstanceMarshaller.FORMAT + 1) + "; this deployment reads formats up to " + JsonInstanceMarshaller.FORMAT + ": a newer deployment owns it. Send the request "
                        + "to a pod of the newer deployment; this one never rewrites or downgrades it."))
                .body("snapshotFormat", equalTo(JsonInstanceMarshaller.FORMAT + 1));
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/assessDamage/complete", id)
                .then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/owned-by-newer-deployment"));
        given().post("/admin/migrations/sweep").then().statusCode(200).body("migrated", equalTo(0));
        assertThat(storedRow(id)).isEqualTo(before);
    }
}
