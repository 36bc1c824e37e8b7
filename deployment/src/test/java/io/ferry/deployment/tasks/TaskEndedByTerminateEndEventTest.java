package io.ferry.deployment.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A task a terminate end event ended is 409 task-no-longer-open, saying which event ended it; the instance is untouched. */
class TaskEndedByTerminateEndEventTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="shipment" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
                <parallelGateway id="fork"/>
                <sequenceFlow id="f2" sourceRef="fork" targetRef="invoice"/>
                <sequenceFlow id="f3" sourceRef="fork" targetRef="packing"/>
                <userTask id="invoice"/>
                <sequenceFlow id="f4" sourceRef="invoice" targetRef="invoiced"/>
                <endEvent id="invoiced"/>
                <subProcess id="packing">
                  <startEvent id="packStart"/>
                  <sequenceFlow id="p1" sourceRef="packStart" targetRef="packFork"/>
                  <parallelGateway id="packFork"/>
                  <sequenceFlow id="p2" sourceRef="packFork" targetRef="pack"/>
                  <sequenceFlow id="p3" sourceRef="packFork" targetRef="checkStock"/>
                  <userTask id="pack"/>
                  <sequenceFlow id="p4" sourceRef="pack" targetRef="packed"/>
                  <endEvent id="packed"/>
                  <userTask id="checkStock"/>
                  <sequenceFlow id="p5" sourceRef="checkStock" targetRef="outOfStock"/>
                  <endEvent id="outOfStock"><terminateEventDefinition/></endEvent>
                </subProcess>
                <sequenceFlow id="f5" sourceRef="packing" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset(PROCESS), "processes/shipment.bpmn"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void completingATaskATerminateEndEventEndedIs409NamingThatEvent() {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/shipment/instances").then().statusCode(201).extract().path("id");
        String packTask = taskAt(id, "pack");
        complete(id, "checkStock").statusCode(200).body("tasks.nodeId", contains("invoice"));
        Map<String, Object> termination = history(id).stream()
                .filter(event -> "NodeTerminated".equals(event.get("type")) && packTask.equals(event.get("tokenId")))
                .findFirst().orElseThrow();
        long revision = revision(id);
        int historyLength = history(id).size();

        for (String taskRef : List.of(packTask, "pack")) {
            complete(id, taskRef).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ferry.io/problems/task-no-longer-open"))
                    .body("detail", equalTo("Task " + packTask + " (user task 'pack') of instance " + id + " is no longer open:"
                            + " terminate end event 'outOfStock' ended sub-process 'packing' before the task was completed"
                            + " (history event " + termination.get("id") + ", sequence " + termination.get("sequence")
                            + ", at " + termination.get("occurredAt") + "); nothing was changed."
                            + " GET /instances/" + id + "/tasks lists the open tasks."))
                    .body("taskId", equalTo(packTask))
                    .body("endedBy", equalTo("outOfStock"))
                    .body("eventId", equalTo(termination.get("id")));
        }
        complete(id, "checkStock").statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/task-already-completed"));

        assertThat(revision(id)).isEqualTo(revision);
        assertThat(history(id)).hasSize(historyLength);
    }

    private static ValidatableResponse complete(String id, String taskRef) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/{task}/complete", id, taskRef).then();
    }

    private static String taskAt(String id, String nodeId) {
        List<Map<String, Object>> tasks = given().get("/instances/{id}/tasks", id).then().statusCode(200).extract().path("");
        return tasks.stream().filter(task -> nodeId.equals(task.get("nodeId"))).map(task -> (String) task.get("id"))
                .findFirst().orElseThrow();
    }

    private static long revision(String id) {
        return ((Number) given().get("/instances/{id}", id).then().statusCode(200).extract().path("revision")).longValue();
    }

    private static List<Map<String, Object>> history(String id) {
        return given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
    }
}
