package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timers over REST, with the application's clock moved by the test and the timers fired by
 * {@code POST /admin/timers/fire} (the pollers are off): a non-interrupting cycle reminds three
 * times while the task waits, then the interrupting deadline ends the task and opens the escalation.
 */
class BoundaryTimersFireByTheClockTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="claim" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <userTask id="review" name="Review claim"/>
                <sequenceFlow id="f2" sourceRef="review" targetRef="done"/>
                <endEvent id="done"/>
                <boundaryEvent id="remind" attachedToRef="review" cancelActivity="false">
                  <timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f3" sourceRef="remind" targetRef="reminded"/>
                <endEvent id="reminded"/>
                <boundaryEvent id="deadline" attachedToRef="review">
                  <timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f4" sourceRef="deadline" targetRef="escalate"/>
                <userTask id="escalate" name="Escalate claim"/>
                <sequenceFlow id="f5" sourceRef="escalate" targetRef="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/claim.bpmn"))
            .overrideConfigKey("quarkus.ferry.timers.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void remindersFireInOrderThenTheDeadlineInterruptsTheTask() {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/claim/instances").then().statusCode(201).extract().path("id");
        fire().body("fired", equalTo(0));

        for (int hour = 1; hour <= 3; hour++) {
            SettableClock.advance(Duration.ofHours(1));
            given().get("/admin/timers/backlog").then().statusCode(200).body("due", equalTo(1));
            fire().body("fired", equalTo(1));
        }
        SettableClock.advance(Duration.ofHours(1));
        fire().body("fired", equalTo(0));
        assertThat(types(id, "remind")).containsExactly("TimerScheduled", "TimerFired", "NodeEntered", "NodeCompleted",
                "TimerFired", "NodeEntered", "NodeCompleted", "TimerFired", "NodeEntered", "NodeCompleted");
        given().get("/instances/{id}/tasks", id).then().statusCode(200).body("nodeId", contains("review"));

        SettableClock.advance(Duration.ofDays(3));
        fire().body("fired", equalTo(1));

        given().get("/instances/{id}/tasks", id).then().statusCode(200).body("nodeId", contains("escalate"));
        assertThat(types(id, "review")).endsWith("NodeTerminated");
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/review/complete", id).then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/task-no-longer-open"))
                .body("endedBy", equalTo("deadline"))
                .body("detail", org.hamcrest.Matchers.containsString(
                        "is no longer open: boundary event 'deadline' interrupted the task before it was completed"));
        given().get("/admin/timers/backlog").then().statusCode(200).body("due", equalTo(0));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("ferry_timers_polled_total{result=\"fired\"} 4.0"));
    }

    private static io.restassured.response.ValidatableResponse fire() {
        return given().post("/admin/timers/fire").then().statusCode(200);
    }

    private static List<String> types(String id, String nodeId) {
        List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
        return history.stream().filter(event -> nodeId.equals(event.get("nodeId"))).map(event -> (String) event.get("type")).toList();
    }
}
