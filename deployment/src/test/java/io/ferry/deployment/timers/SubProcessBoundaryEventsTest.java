package io.ferry.deployment.timers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Boundary events on an embedded sub-process, over REST: a service level on the whole fulfilment (an
 * interrupting timer) and a changed address that may come at any time during it (a non-interrupting message).
 */
class SubProcessBoundaryEventsTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="fulfilment" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="fulfil"/>
                <subProcess id="fulfil" name="Fulfil order">
                  <startEvent id="fulfilStart"/>
                  <sequenceFlow id="s1" sourceRef="fulfilStart" targetRef="pick"/>
                  <userTask id="pick"/>
                  <sequenceFlow id="s2" sourceRef="pick" targetRef="pack"/>
                  <userTask id="pack"/>
                  <sequenceFlow id="s3" sourceRef="pack" targetRef="fulfilEnd"/>
                  <endEvent id="fulfilEnd"/>
                </subProcess>
                <sequenceFlow id="f2" sourceRef="fulfil" targetRef="shipped"/>
                <endEvent id="shipped"/>
                <boundaryEvent id="slaMissed" attachedToRef="fulfil">
                  <timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition>
                </boundaryEvent>
                <sequenceFlow id="f3" sourceRef="slaMissed" targetRef="apologise"/>
                <userTask id="apologise"/>
                <boundaryEvent id="addressChanged" attachedToRef="fulfil" cancelActivity="false">
                  <messageEventDefinition messageRef="address"/>
                </boundaryEvent>
                <sequenceFlow id="f4" sourceRef="addressChanged" targetRef="relabel"/>
                <userTask id="relabel"/>
              </process>
              <message id="address" name="AddressChanged" ferry:correlationKey="${orderId}"/>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/fulfilment.bpmn"))
            .overrideConfigKey("quarkus.ferry.timers.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void aMessageBranchesOffWhileTheSubProcessRunsThenItsServiceLevelEndsIt() {
        String id = start("o-1");
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("activeNodeIds", contains("fulfil", "pick"))
                .body("timers.nodeId", contains("slaMissed")).body("messages.nodeId", contains("addressChanged"));

        given().contentType(ContentType.JSON).body(Map.of("name", "AddressChanged", "correlationKey", "o-1",
                "variables", Map.of("address", "Elm St 1"))).post("/messages").then().statusCode(200)
                .body("outcome", equalTo("CORRELATED"));
        given().get("/instances/{id}/tasks", id).then().statusCode(200).body("nodeId", containsInAnyOrder("pick", "relabel"));

        SettableClock.advance(Duration.ofDays(2));
        given().post("/admin/timers/fire").then().statusCode(200).body("fired", equalTo(1));

        given().get("/instances/{id}/tasks", id).then().statusCode(200).body("nodeId", containsInAnyOrder("relabel", "apologise"));
        given().get("/instances/{id}", id).then().statusCode(200).body("activeNodeIds", containsInAnyOrder("apologise", "relabel"))
                .body("timers", empty()).body("messages", empty());
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/pick/complete", id).then().statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/task-no-longer-open")).body("endedBy", equalTo("slaMissed"));
    }

    @Test
    void aSubProcessDoneInTimeTakesItsTimerAndSubscriptionWithIt() {
        String id = start("o-2");
        for (String task : new String[] {"pick", "pack"}) {
            given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                    .post("/instances/{id}/tasks/{task}/complete", id, task).then().statusCode(200);
        }
        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"));

        SettableClock.advance(Duration.ofDays(3));
        given().post("/admin/timers/fire").then().statusCode(200).body("fired", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("name", "AddressChanged", "correlationKey", "o-2",
                "variables", Map.of())).post("/messages").then().statusCode(404);
    }

    private static String start(String orderId) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("orderId", orderId)))
                .post("/processes/fulfilment/instances").then().statusCode(201).extract().path("id");
    }
}
