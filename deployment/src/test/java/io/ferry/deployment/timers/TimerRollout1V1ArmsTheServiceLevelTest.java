package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Version 1: a ticket opened at 09:00 on 4 January waits to be answered, its 48-hour timer armed. */
@Order(10)
class TimerRollout1V1ArmsTheServiceLevelTest {

    @RegisterExtension
    static final QuarkusUnitTest app = TimerRollout.build("ticket-v1.bpmn");

    @Test
    void aTicketWaitsWithItsServiceLevelTimer() {
        SettableClock.now = Instant.parse("2027-01-04T09:00:00Z");
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/ticket/instances").then().statusCode(201).extract().path("id");
        TimerRollout.remember(id);
        given().get("/instances/{id}/history", id).then().statusCode(200)
                .body("find { it.type == 'TimerScheduled' }.data.dueAt", equalTo("2027-01-06T09:00:00Z"));
    }
}
