package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler that does not answer within {@code quarkus.ferry.jobs.timeout} is a failed attempt, reported by the
 * pod that called it: the job waits out its back-off and is tried again (with the same key), and would have an
 * incident when its attempts are used up, instead of being taken over lease after lease without end. Its late
 * answer changes nothing.
 */
class HangingHandlerTimesOutTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="export" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="upload"/>
                <serviceTask id="upload" ferry:handler="upload" ferry:retryBackoff="PT10S"/>
                <sequenceFlow id="f2" sourceRef="upload" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, HangingUpload.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/export.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.ferry.jobs.timeout", "PT0.3S")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void aCallThatDoesNotAnswerInTimeIsAFailedAttemptAndItsLateAnswerIsIgnored() throws Exception {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/export/instances").then().statusCode(201).extract().path("id");

        given().post("/admin/jobs/run").then().statusCode(200).body("failed", equalTo(1)).body("completed", equalTo(0));
        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("jobs[0].attempts", equalTo(1))
                .body("jobs[0].lastError", containsString("handler 'upload' did not answer within PT0.3S"));

        HangingUpload.RELEASE.countDown();
        assertThat(HangingUpload.ANSWERED.await(30, TimeUnit.SECONDS)).isTrue();
        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("jobs[0].attempts", equalTo(1));

        SettableClock.advance(Duration.ofSeconds(10));
        given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(1));
        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("variables.uploaded", equalTo(2));
        List<String> types = given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("type");
        assertThat(types).containsOnlyOnce("ServiceTaskCompleted").containsOnlyOnce("JobFailed");
    }

    /** The first call hangs until the test releases it; the second answers at once. */
    @ApplicationScoped
    @ServiceTask("upload")
    public static class HangingUpload implements ServiceTaskHandler {

        static final CountDownLatch RELEASE = new CountDownLatch(1);
        static final CountDownLatch ANSWERED = new CountDownLatch(1);
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) throws Exception {
            int call = calls.incrementAndGet();
            if (call == 1) {
                RELEASE.await(30, TimeUnit.SECONDS);
                ANSWERED.countDown();
            }
            return Map.of("uploaded", call);
        }
    }
}
