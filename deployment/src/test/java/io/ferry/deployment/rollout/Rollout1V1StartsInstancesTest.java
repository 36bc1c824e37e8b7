package io.ferry.deployment.rollout;

import static io.ferry.deployment.rollout.RolloutScenario.complete;
import static io.ferry.deployment.rollout.RolloutScenario.remember;
import static io.ferry.deployment.rollout.RolloutScenario.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v1 image: instances start and come to rest at different nodes. */
@Order(1)
class Rollout1V1StartsInstancesTest {

    static {
        try {
            RolloutScenario.resetDatabase();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest v1 = RolloutScenario.build("claim-v1.bpmn");

    @Test
    void instancesComeToRestAtDifferentNodes() {
        String registering = start(Map.of("amount", 900));
        remember("registering", registering);

        String assessing = start(Map.of("amount", 150));
        complete(assessing, "registerClaim", 200);
        remember("assessing", assessing);

        String payingOut = start(Map.of("amount", 40));
        complete(payingOut, "registerClaim", 200);
        complete(payingOut, "assessDamage", 200);
        complete(payingOut, "checkPolicy", 200);
        remember("payingOut", payingOut);

        String idle = start(Map.of("amount", 75));
        complete(idle, "registerClaim", 200);
        complete(idle, "checkPolicy", 200);
        remember("idle", idle);

        given().get("/instances/{id}", idle).then()
                .body("version", equalTo("1"))
                .body("activeNodeIds", containsInAnyOrder("assessDamage", "join"));
    }
}
