package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler still running when its job's lease runs out is called again by the next run (another
 * pod's, in production): at least once, with the same idempotency key. Both calls report; the task
 * completes once, and the late report is dropped as stale.
 */
class SlowHandlerIsTakenOverTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="export" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="upload"/>
                <serviceTask id="upload" ferry:handler="upload"/>
                <sequenceFlow id="f2" sourceRef="upload" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, UploadHandler.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/export.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.ferry.jobs.lease", "PT1M")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void aSecondRunTakesOverAfterTheLeaseAndTheTaskCompletesOnce() throws Exception {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/export/instances").then().statusCode(201).extract().path("id");
        CompletableFuture<Integer> slowRun = CompletableFuture.supplyAsync(
                () -> given().post("/admin/jobs/run").then().statusCode(200).extract().path("completed"));
        assertThat(UploadHandler.STARTED.await(30, TimeUnit.SECONDS)).isTrue();

        given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(0)); // still claimed
        SettableClock.advance(Duration.ofMinutes(2)); // the lease ran out while the handler still runs
        given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(1));
        UploadHandler.RELEASE.countDown();
        int slowCompleted = slowRun.get(30, TimeUnit.SECONDS);

        assertThat(slowCompleted).isZero(); // its report found the job gone: stale
        assertThat(UploadHandler.CALLS).hasSize(2);
        assertThat(UploadHandler.CALLS.get(0).idempotencyKey()).isEqualTo(UploadHandler.CALLS.get(1).idempotencyKey());
        List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().extract().path("");
        assertThat(history.stream().filter(event -> "ServiceTaskCompleted".equals(event.get("type")))).hasSize(1);
        given().get("/instances/{id}", id).then().body("status", equalTo("COMPLETED"));
    }

    /** The first call blocks until the test releases it; later calls return at once. */
    @ApplicationScoped
    @ServiceTask("upload")
    public static class UploadHandler implements ServiceTaskHandler {

        static final List<ServiceTaskContext> CALLS = new CopyOnWriteArrayList<>();
        static final CountDownLatch STARTED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) throws InterruptedException {
            CALLS.add(context);
            if (CALLS.size() == 1) {
                STARTED.countDown();
                RELEASE.await(60, TimeUnit.SECONDS);
            }
            return Map.of("uploaded", CALLS.size());
        }
    }
}
