package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Version 1: a claim filed on 4 January is being settled inside a sub-process without boundary events. */
@Order(14)
class SubProcessRollout1V1SettlesAClaimTest {

    @RegisterExtension
    static final QuarkusUnitTest app = TimerRollout.build("claim-v1.bpmn");

    @Test
    void aClaimIsBeingSettled() {
        SettableClock.now = Instant.parse("2027-01-04T09:00:00Z");
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("claimId", "c-1")))
                .post("/processes/claim/instances").then().statusCode(201).extract().path("id");
        TimerRollout.remember("claim-instance", id);
        given().get("/instances/{id}", id).then().statusCode(200).body("activeNodeIds", containsInAnyOrder("settle", "assess"))
                .body("timers", empty()).body("messages", empty());
    }
}
