package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import java.time.Duration;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A timer start event starts an instance at each repetition of its cycle, once, however often the
 * pollers look; then no more.
 */
class TimerStartEventTest {

    private static final String REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="report" isExecutable="true" ferry:version="1">
                <startEvent id="hourly">
                  <timerEventDefinition><timeCycle>R2/2027-01-04T10:00:00Z/PT1H</timeCycle></timerEventDefinition>
                </startEvent>
                <sequenceFlow id="f1" sourceRef="hourly" targetRef="compile"/>
                <userTask id="compile"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class)
                    .addAsResource(new StringAsset(REPORT), "processes/report.bpmn"))
            .overrideConfigKey("quarkus.ferry.timers.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void eachRepetitionStartsOneInstance() {
        fire().body("started", equalTo(0));
        instances(0);

        SettableClock.advance(Duration.ofHours(1)); // 10:00
        fire().body("started", equalTo(1));
        fire().body("started", equalTo(0));
        instances(1);

        SettableClock.advance(Duration.ofHours(1)); // 11:00
        fire().body("started", equalTo(1));
        SettableClock.advance(Duration.ofHours(5));
        fire().body("started", equalTo(0));
        instances(2);
        given().contentType("application/json").body("{}").post("/processes/report/instances").then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/starts-by-message"))
                .body("detail", equalTo("Process 'report' has no none start event: its instances start by its timer start "
                        + "events only."));
    }

    private static io.restassured.response.ValidatableResponse fire() {
        return given().post("/admin/timers/fire").then().statusCode(200);
    }

    private static void instances(int total) {
        given().queryParam("processId", "report").get("/instances").then().statusCode(200).body("total", equalTo(total));
    }
}
