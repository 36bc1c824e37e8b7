package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Polls that run at once (as in several pods) claim disjoint timers: with small batches and four
 * concurrent polls, every due timer fires exactly once and every instance completes.
 */
class TimersFireOnceUnderConcurrentPollsTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="cooling" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <intermediateCatchEvent id="wait">
                  <timerEventDefinition><timeDuration>${delay}</timeDuration></timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;
    private static final int INSTANCES = 24;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/cooling.bpmn"))
            .overrideConfigKey("quarkus.ferry.timers.poll-every", "off")
            .overrideConfigKey("quarkus.ferry.timers.batch-size", "5")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void everyDueTimerFiresExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            // Minutes 1..24: the order they are due in is the order they were started in.
            ids.add(given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("delay", "PT" + (i + 1) + "M")))
                    .post("/processes/cooling/instances").then().statusCode(201).extract().path("id"));
        }
        SettableClock.advance(Duration.ofMinutes(INSTANCES));

        int fired = 0;
        ExecutorService polls = Executors.newFixedThreadPool(4);
        try {
            while (fired < INSTANCES) {
                List<Future<Integer>> round = new ArrayList<>();
                for (int poll = 0; poll < 4; poll++) {
                    round.add(polls.submit(() -> given().post("/admin/timers/fire").then().statusCode(200)
                            .extract().<Integer>path("fired")));
                }
                int firedThisRound = 0;
                for (Future<Integer> poll : round) {
                    firedThisRound += poll.get();
                }
                assertThat(firedThisRound).as("a round of polls fires something until all have fired").isPositive();
                fired += firedThisRound;
            }
        } finally {
            polls.shutdownNow();
        }

        assertThat(fired).isEqualTo(INSTANCES);
        for (String id : ids) {
            List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().extract().path("");
            assertThat(history.stream().filter(event -> "TimerFired".equals(event.get("type")))).as(id).hasSize(1);
            assertThat(history.get(history.size() - 1).get("type")).as(id).isEqualTo("InstanceCompleted");
        }
        given().get("/admin/timers/backlog").then().statusCode(200).body("due", org.hamcrest.Matchers.equalTo(0));
    }
}
