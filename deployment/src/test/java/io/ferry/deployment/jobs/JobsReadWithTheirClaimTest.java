package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run of the workers reads the claimed jobs' instances with the claim, in one statement, and calls each handler on
 * that read when the job's turn comes. With one handler slot, two jobs are claimed together: the first handler holds
 * the slot while the test changes the second job's instance, so that the second handler is called on a read that is
 * out of date. Its report then fails the revision check and is applied to a fresh read: the amended data is kept and
 * the task completes once. An instance cancelled meanwhile has its handler called (as a job whose instance is
 * cancelled during the call does), and the report is dropped as stale.
 */
class JobsReadWithTheirClaimTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="shipping" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="book"/>
                <serviceTask id="book" name="Book the courier" ferry:handler="book"/>
                <sequenceFlow id="f2" sourceRef="book" targetRef="handOver"/>
                <userTask id="handOver"/>
                <sequenceFlow id="f3" sourceRef="handOver" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(BookHandler.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/shipping.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.ferry.jobs.concurrency", "1")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @BeforeEach
    void forget() {
        BookHandler.reset();
    }

    @Test
    void dataAmendedWhileAJobWaitsForItsSlotIsKeptAndTheTaskCompletesOnce() throws Exception {
        List<String> ids = List.of(start("north"), start("south"));
        CompletableFuture<ValidatableResponse> run = CompletableFuture.supplyAsync(JobsReadWithTheirClaimTest::run);
        String waiting = otherThan(BookHandler.firstCalledFor(), ids);
        given().contentType(ContentType.JSON).body(Map.of("parcels", 3)).patch("/instances/{id}/variables", waiting)
                .then().statusCode(200);
        BookHandler.RELEASE.countDown();

        run.get(30, TimeUnit.SECONDS).body("completed", equalTo(2)).body("stale", equalTo(0));
        assertThat(BookHandler.calls(waiting)).singleElement()
                .satisfies(call -> assertThat(call.variables().has("parcels")).as("called on the claim's read").isFalse());
        given().get("/instances/{id}", waiting).then().statusCode(200).body("jobs", empty())
                .body("variables.parcels", equalTo(3)).body("variables.courier", equalTo("booked for south"));
        given().get("/instances/{id}/tasks", waiting).then().statusCode(200).body("nodeId", equalTo(List.of("handOver")));
        assertThat(types(waiting)).containsOnlyOnce("ServiceTaskCompleted");
    }

    @Test
    void anInstanceCancelledWhileItsJobWaitsHasTheReportDroppedAsStale() throws Exception {
        List<String> ids = List.of(start("east"), start("west"));
        CompletableFuture<ValidatableResponse> run = CompletableFuture.supplyAsync(JobsReadWithTheirClaimTest::run);
        String waiting = otherThan(BookHandler.firstCalledFor(), ids);
        given().post("/instances/{id}/cancel", waiting).then().statusCode(200);
        BookHandler.RELEASE.countDown();

        run.get(30, TimeUnit.SECONDS).body("completed", equalTo(1)).body("stale", equalTo(1));
        assertThat(BookHandler.calls(waiting)).hasSize(1);
        given().get("/instances/{id}", waiting).then().statusCode(200).body("status", equalTo("CANCELLED")).body("jobs", empty());
        assertThat(types(waiting)).doesNotContain("ServiceTaskCompleted");
        run().body("completed", equalTo(0)).body("stale", equalTo(0)); // its job's row is gone
    }

    private static String start(String region) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("region", region)))
                .post("/processes/shipping/instances").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse run() {
        return given().post("/admin/jobs/run").then().statusCode(200);
    }

    private static String otherThan(String one, List<String> ids) {
        assertThat(ids).contains(one);
        return ids.stream().filter(id -> !id.equals(one)).findFirst().orElseThrow();
    }

    private static List<String> types(String id) {
        List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
        return history.stream().map(event -> (String) event.get("type")).toList();
    }

    /** Books a courier; the first call of a test holds its slot until the test releases it. */
    @ApplicationScoped
    @ServiceTask("book")
    public static class BookHandler implements ServiceTaskHandler {

        static final List<ServiceTaskContext> CALLS = new CopyOnWriteArrayList<>();
        static volatile CountDownLatch RELEASE;
        static volatile CountDownLatch FIRST_CALLED;

        static void reset() {
            CALLS.clear();
            RELEASE = new CountDownLatch(1);
            FIRST_CALLED = new CountDownLatch(1);
        }

        static String firstCalledFor() throws InterruptedException {
            assertThat(FIRST_CALLED.await(30, TimeUnit.SECONDS)).as("a handler was called").isTrue();
            return CALLS.get(0).instanceId();
        }

        static List<ServiceTaskContext> calls(String instanceId) {
            return CALLS.stream().filter(call -> call.instanceId().equals(instanceId)).toList();
        }

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) throws InterruptedException {
            CALLS.add(context);
            if (CALLS.size() == 1) {
                FIRST_CALLED.countDown();
                RELEASE.await(30, TimeUnit.SECONDS);
            }
            return Map.of("courier", "booked for " + context.variables().path("region").asText());
        }
    }
}
