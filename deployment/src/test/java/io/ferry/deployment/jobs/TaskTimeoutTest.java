package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A task's {@code ferry:timeout} limits each call of its handler instead of {@code quarkus.ferry.jobs.timeout}
 * (four minutes, left as configured here): a call to a slow warehouse counts as failed after a second.
 */
class TaskTimeoutTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="restock" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="reserve"/>
                <serviceTask id="reserve" ferry:handler="reserve" ferry:timeout="PT1S" ferry:retryBackoff="PT10S"/>
                <sequenceFlow id="f2" sourceRef="reserve" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, SlowWarehouse.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/restock.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @AfterAll
    static void release() {
        SlowWarehouse.RELEASE.countDown();
    }

    @Test
    void theTasksOwnLimitEndsTheCallAsAFailedAttempt() {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/restock/instances").then().statusCode(201).extract().path("id");

        given().post("/admin/jobs/run").then().statusCode(200).body("failed", equalTo(1));
        given().get("/instances/{id}", id).then().statusCode(200).body("jobs[0].attempts", equalTo(1))
                .body("jobs[0].lastError", containsString("handler 'reserve' did not answer within PT1S"));
    }

    /** Answers only when the test ends. */
    @ApplicationScoped
    @ServiceTask("reserve")
    public static class SlowWarehouse implements ServiceTaskHandler {

        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) throws Exception {
            RELEASE.await(5, TimeUnit.MINUTES);
            return Map.of();
        }
    }
}
