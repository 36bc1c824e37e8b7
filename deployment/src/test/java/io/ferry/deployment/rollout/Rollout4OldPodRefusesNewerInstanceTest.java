package io.ferry.deployment.rollout;

import static io.ferry.deployment.rollout.RolloutScenario.instance;
import static io.ferry.deployment.rollout.RolloutScenario.storedRow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
}
