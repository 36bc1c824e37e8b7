package io.ferry.deployment.rollout;

import static io.ferry.deployment.rollout.RolloutScenario.complete;
import static io.ferry.deployment.rollout.RolloutScenario.instance;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A later v3 image whose v2→v3 plan maps payOut: the blocked instance moves on its next touch. */
@Order(3)
class Rollout3FixedPlanFreesBlockedInstanceTest {

    @RegisterExtension
    static final QuarkusUnitTest v3Fixed = RolloutScenario.build("claim-v3.bpmn", "claim-1-to-2.yaml",
            "claim-2-to-3-fixed.yaml");

    @Test
    void theBlockedInstanceMovesAndItsIncidentIsResolved() {
        String id = instance("payingOut");
        given().get("/instances/{id}", id).then().body("migration.status", equalTo("PENDING"));
        complete(id, "settleClaim", 200);
        given().get("/instances/{id}", id).then()
                .body("status", equalTo("COMPLETED"))
                .body("version", equalTo("3"))
                .body("incidents", hasSize(0))
                .body("migrations[0].movedNodeIds.payOut", equalTo("settleClaim"));
    }
}
