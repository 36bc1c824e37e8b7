package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Version 2 halves the service level to 24 hours and its plan reschedules running timers: the
 * version 1 ticket, opened 30 hours ago, is migrated by the sweep, its timer is due at once (from
 * when it was armed, not from now), and it fires at the mapped boundary event. Version 2 also adds a
 * reminder four hours after a ticket reaches the task; the plan restarts it, so the waiting ticket
 * gets it armed at the migration, due four hours later, until the service level ends the task.
 */
@Order(11)
class TimerRollout2V2ReschedulesTheServiceLevelTest {

    @RegisterExtension
    static final QuarkusUnitTest app = TimerRollout.build("ticket-v2.bpmn", "ticket-1-to-2.yaml");

    @Test
    void theSweepReschedulesTheTimerAndItFiresAtTheNewEvent() {
        SettableClock.now = Instant.parse("2027-01-05T15:00:00Z");
        String id = TimerRollout.instance();
        given().get("/admin/timers/backlog").then().statusCode(200).body("due", equalTo(0));

        given().post("/admin/migrations/sweep").then().statusCode(200);
        given().get("/admin/timers/backlog").then().statusCode(200)
                .body("due", equalTo(1)).body("oldestDueAt", equalTo("2027-01-05T09:00:00Z"));
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("timers.nodeId", containsInAnyOrder("slaBreached", "remind"))
                .body("timers.find { it.nodeId == 'remind' }.armedAt", equalTo("2027-01-05T15:00:00Z"))
                .body("timers.find { it.nodeId == 'remind' }.dueAt", equalTo("2027-01-05T19:00:00Z"));
        given().post("/admin/timers/fire").then().statusCode(200).body("fired", equalTo(1));

        given().get("/instances/{id}/tasks", id).then().statusCode(200).body("nodeId", contains("escalate"));
        given().get("/instances/{id}/history", id).then().statusCode(200)
                .body("find { it.type == 'TimerFired' }.nodeId", equalTo("slaBreached"))
                .body("find { it.type == 'TimerFired' }.data.dueAt", equalTo("2027-01-05T09:00:00Z"))
                .body("find { it.type == 'NodeTerminated' }.nodeId", equalTo("respond"))
                .body("find { it.type == 'InstanceMigrated' }.data.timers.nodeId", containsInAnyOrder("slaBreached", "remind"))
                .body("find { it.type == 'InstanceMigrated' }.data.timers.find { it.nodeId == 'remind' }.dueAt",
                        equalTo("2027-01-05T19:00:00Z"));
        given().get("/instances/{id}", id).then().statusCode(200).body("timers", empty());
    }
}
