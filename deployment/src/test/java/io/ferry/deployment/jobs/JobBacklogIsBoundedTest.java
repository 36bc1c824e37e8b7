package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job backlog has a bound: with two jobs waiting and a bound of two, starting another instance
 * of a process with service tasks is 429 with Retry-After and starts nothing; a process without
 * service tasks still starts; once the workers caught up, starts go through again.
 */
class JobBacklogIsBoundedTest {

    private static final String NOTIFY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="notify" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="send"/>
                <serviceTask id="send" ferry:handler="send"/>
                <sequenceFlow id="f2" sourceRef="send" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;
    private static final String REVIEW = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="review" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
                <userTask id="check"/>
                <sequenceFlow id="f2" sourceRef="check" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, SendHandler.class)
                    .addAsResource(new StringAsset(NOTIFY), "processes/notify.bpmn")
                    .addAsResource(new StringAsset(REVIEW), "processes/review.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.ferry.jobs.max-backlog", "2")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void startsBeyondTheBoundAre429UntilTheWorkersCatchUp() {
        start("notify").statusCode(201);
        SettableClock.advance(Duration.ofSeconds(2));
        start("notify").statusCode(201);
        SettableClock.advance(Duration.ofSeconds(2));

        start("notify").statusCode(429).header("Retry-After", "5")
                .body("type", equalTo("https://ferry.io/problems/job-backlog-full"))
                .body("detail", equalTo("2 jobs are waiting to run, the most this server keeps waiting "
                        + "(quarkus.ferry.jobs.max-backlog=2); process 'notify' runs service tasks, so no instance of it "
                        + "starts until the workers catch up. Retry after 5 seconds."));
        given().queryParam("processId", "notify").get("/instances").then().statusCode(200).body("total", equalTo(2));
        start("review").statusCode(201);

        given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(2));
        SettableClock.advance(Duration.ofSeconds(2));
        start("notify").statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse start(String processId) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/{id}/instances", processId).then();
    }

    @ApplicationScoped
    @ServiceTask("send")
    public static class SendHandler implements ServiceTaskHandler {
        @Override
        public Map<String, Object> execute(ServiceTaskContext context) {
            return Map.of("sent", true);
        }
    }
}
