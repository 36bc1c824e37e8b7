package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.service.BpmnError;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Service tasks over REST, as an application runs them: the workers are off and the test runs them
 * with {@code POST /admin/jobs/run}, moving the application's clock past each back-off. A handler
 * fails twice and then succeeds; another fails until its attempts run out, an operator amends the
 * data and retries the incident; a third incident is resolved by hand.
 */
class JobsRunByTheWorkersTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="payment" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
                <serviceTask id="charge" name="Charge card" ferry:handler="charge" ferry:retries="3" ferry:retryBackoff="PT10S"/>
                <sequenceFlow id="f2" sourceRef="charge" targetRef="done"/>
                <endEvent id="done"/>
                <boundaryEvent id="declined" attachedToRef="charge"><errorEventDefinition errorRef="cardDeclined"/></boundaryEvent>
                <sequenceFlow id="f3" sourceRef="declined" targetRef="askForAnotherCard"/>
                <userTask id="askForAnotherCard"/>
              </process>
              <error id="cardDeclined" errorCode="CARD_DECLINED"/>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, ChargeHandler.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/payment.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @BeforeEach
    void forget() {
        ChargeHandler.CALLS.clear();
    }

    @Test
    void aHandlerFailingTwiceThenSucceedingCompletesTheTaskOnceWithOneIdempotencyKey() {
        String id = start(Map.of("failures", 2));
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("jobs.nodeId", contains("charge")).body("jobs[0].attempts", equalTo(0));

        run().body("failed", equalTo(1));
        run().body("failed", equalTo(0)).body("completed", equalTo(0)); // in back-off: not due yet
        SettableClock.advance(Duration.ofSeconds(10));
        run().body("failed", equalTo(1));
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("jobs[0].attempts", equalTo(2)).body("jobs[0].lastError", equalTo("card service timed out (call 2)"));
        SettableClock.advance(Duration.ofSeconds(19));
        run().body("completed", equalTo(0)); // the second delay is 20 s
        SettableClock.advance(Duration.ofSeconds(1));
        run().body("completed", equalTo(1));

        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("variables.receipt", equalTo("r-3")).body("jobs", empty());
        assertThat(types(id)).containsExactly("InstanceStarted", "NodeEntered", "NodeCompleted", "NodeEntered", "JobCreated",
                "JobFailed", "JobFailed", "ServiceTaskCompleted", "NodeCompleted", "NodeEntered", "NodeCompleted",
                "InstanceCompleted");
        List<ServiceTaskContext> calls = ChargeHandler.calls(id);
        assertThat(calls).extracting(ServiceTaskContext::idempotencyKey).containsOnly(id + ":" + calls.get(0).tokenId());
        assertThat(calls).extracting(ServiceTaskContext::attempt).containsExactly(1, 2, 3);
        assertThat(ChargeHandler.ON_EVENT_LOOP).containsOnly(false);
    }

    @Test
    void exhaustedRetriesOpenAnIncidentThatAnOperatorRetriesAfterAmendingTheData() {
        String id = start(Map.of("failures", 99, "card", "expired"));
        for (int attempt = 1; attempt <= 3; attempt++) {
            run().body("failed", equalTo(1));
            SettableClock.advance(Duration.ofMinutes(1));
        }
        run().body("failed", equalTo(0));

        String incidentId = given().queryParam("instanceId", id).get("/incidents").then().statusCode(200)
                .body("type", contains("JOB_FAILED")).body("nodeId", contains("charge")).body("attempts", contains(3))
                .body("processId", contains("payment"))
                .body("message", contains("card service timed out (call 3)")).extract().path("[0].id");
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("jobs[0].incident", equalTo(true)).body("incidents[0].type", equalTo("JOB_FAILED"));

        given().contentType("application/merge-patch+json").body(Map.of("failures", 0))
                .patch("/instances/{id}/variables", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").post("/incidents/{id}/retry", incidentId).then().statusCode(200)
                .body("jobs[0].incident", equalTo(false)).body("incidents", empty());
        run().body("completed", equalTo(1));

        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().queryParam("instanceId", id).get("/incidents").then().statusCode(200).body("", empty());
        given().get("/incidents/{id}", incidentId).then().statusCode(200).body("resolvedAt", notNullValue());
        given().contentType(ContentType.JSON).body("{}").post("/incidents/{id}/retry", incidentId).then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/incident-closed"));
        assertThat(ChargeHandler.calls(id)).extracting(ServiceTaskContext::attempt).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anIncidentResolvedByHandCompletesTheTaskWithTheGivenOutput() {
        String id = start(Map.of("failures", 99));
        for (int attempt = 1; attempt <= 3; attempt++) {
            run();
            SettableClock.advance(Duration.ofMinutes(1));
        }
        String incidentId = given().queryParam("instanceId", id).get("/incidents").then().statusCode(200)
                .extract().path("[0].id");

        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("receipt", "paid at the counter")))
                .post("/incidents/{id}/resolve", incidentId).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("variables.receipt", equalTo("paid at the counter"));
        assertThat(types(id)).contains("IncidentResolved").doesNotContain("ServiceTaskCompleted");
    }

    @Test
    void aBpmnErrorTheHandlerRaisesIsCaughtByTheTasksErrorBoundaryEventWithoutRetries() {
        String id = start(Map.of("declined", true));

        run().body("completed", equalTo(1)).body("failed", equalTo(0));

        given().get("/instances/{id}", id).then().statusCode(200)
                .body("activeNodeIds", contains("askForAnotherCard")).body("jobs", empty());
        assertThat(types(id)).contains("ErrorThrown", "NodeTerminated").doesNotContain("JobFailed");
        assertThat(ChargeHandler.calls(id)).hasSize(1);
    }

    @Test
    void whatAnOperatorGetsWrongIsAClearProblem() {
        given().contentType(ContentType.JSON).body("{}").post("/incidents/{id}/retry", "nope").then().statusCode(404)
                .body("type", equalTo("https://ferry.io/problems/unknown-incident"))
                .body("detail", equalTo("No incident 'nope' exists (incident ids are UUIDs); GET /incidents lists the open ones."));
        given().contentType(ContentType.JSON).body("{}")
                .post("/incidents/{id}/resolve", "8f9d2c5e-1b1a-4d0e-9a47-3c0f9e8e1a11").then().statusCode(404);
        given().queryParam("instanceId", "x1").get("/incidents").then().statusCode(400)
                .body("detail", equalTo("instanceId must be an instance id (a UUID); got 'x1'."));
        given().queryParam("limit", "0").get("/incidents").then().statusCode(400)
                .body("detail", equalTo("limit must be from 1 to 1000; got 0."));

        String id = start(Map.of("failures", 99));
        for (int attempt = 1; attempt <= 3; attempt++) {
            run();
            SettableClock.advance(Duration.ofMinutes(1));
        }
        String incidentId = given().queryParam("instanceId", id).get("/incidents").then().extract().path("[0].id");
        given().contentType(ContentType.JSON).body(Map.of("attempts", 0)).post("/incidents/{id}/retry", incidentId)
                .then().statusCode(400).body("detail", equalTo("attempts must be from 1 to 1000; got 0."));
        given().contentType(ContentType.JSON).body(Map.of("attempts", "many")).post("/incidents/{id}/retry", incidentId)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("note", "a\u0000b")))
                .post("/incidents/{id}/resolve", incidentId).then().statusCode(400);
        given().queryParam("type", "JOB\u0000FAILED").get("/incidents").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("variables", List.of(1)))
                .post("/incidents/{id}/resolve", incidentId).then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of())).header("If-Match", "\"1\"")
                .post("/incidents/{id}/resolve", incidentId).then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/version-conflict"));
        given().queryParam("instanceId", id).get("/incidents").then().statusCode(200).body("id", contains(incidentId));
    }

    private static String start(Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", variables))
                .post("/processes/payment/instances").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse run() {
        return given().post("/admin/jobs/run").then().statusCode(200);
    }

    private static List<String> types(String id) {
        List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
        return history.stream().map(event -> (String) event.get("type")).toList();
    }

    /** Fails as often as the instance's variable {@code failures} says, counting calls per instance. */
    @ApplicationScoped
    @ServiceTask("charge")
    public static class ChargeHandler implements ServiceTaskHandler {

        static final List<ServiceTaskContext> CALLS = new CopyOnWriteArrayList<>();
        static final List<Boolean> ON_EVENT_LOOP = new CopyOnWriteArrayList<>();

        static List<ServiceTaskContext> calls(String instanceId) {
            return CALLS.stream().filter(call -> call.instanceId().equals(instanceId)).toList();
        }

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) throws BpmnError {
            CALLS.add(context);
            ON_EVENT_LOOP.add(Context.isOnEventLoopThread());
            if (context.variables().path("declined").asBoolean()) {
                throw new BpmnError("CARD_DECLINED", "the bank declined the card");
            }
            int call = calls(context.instanceId()).size();
            if (call <= context.variables().path("failures").asInt()) {
                throw new IllegalStateException("card service timed out (call " + call + ")");
            }
            return Map.of("receipt", "r-" + call);
        }
    }
}
