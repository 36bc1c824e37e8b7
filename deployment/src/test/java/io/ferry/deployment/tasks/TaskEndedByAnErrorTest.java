package io.ferry.deployment.tasks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A task an error leaving its sub-process ended is 409 task-no-longer-open, naming the event that caught the error. */
class TaskEndedByAnErrorTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="claim" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <subProcess id="review">
                  <startEvent id="reviewStart"/>
                  <sequenceFlow id="r1" sourceRef="reviewStart" targetRef="reviewFork"/>
                  <parallelGateway id="reviewFork"/>
                  <sequenceFlow id="r2" sourceRef="reviewFork" targetRef="peerReview"/>
                  <sequenceFlow id="r3" sourceRef="reviewFork" targetRef="fraudCheck"/>
                  <userTask id="peerReview"/>
                  <sequenceFlow id="r4" sourceRef="peerReview" targetRef="reviewed"/>
                  <endEvent id="reviewed"/>
                  <userTask id="fraudCheck"/>
                  <sequenceFlow id="r5" sourceRef="fraudCheck" targetRef="fraud"/>
                  <endEvent id="fraud"><errorEventDefinition errorRef="fraudError"/></endEvent>
                </subProcess>
                <sequenceFlow id="f2" sourceRef="review" targetRef="done"/>
                <endEvent id="done"/>
                <boundaryEvent id="fraudFound" attachedToRef="review"><errorEventDefinition errorRef="fraudError"/></boundaryEvent>
                <sequenceFlow id="f3" sourceRef="fraudFound" targetRef="investigate"/>
                <userTask id="investigate"/>
              </process>
              <error id="fraudError" errorCode="FRAUD"/>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource(new StringAsset(PROCESS), "processes/claim.bpmn"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void completingATaskAnErrorEndedIs409NamingTheEventThatCaughtIt() {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/claim/instances").then().statusCode(201).extract().path("id");
        String peerReview = taskAt(id, "peerReview");
        complete(id, "fraudCheck").statusCode(200);
        Map<String, Object> termination = history(id).stream()
                .filter(event -> "NodeTerminated".equals(event.get("type")) && peerReview.equals(event.get("tokenId")))
                .findFirst().orElseThrow();
        int historyLength = history(id).size();

        complete(id, "peerReview").statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.io/problems/task-no-longer-open"))
                .body("detail", equalTo("Task " + peerReview + " (user task 'peerReview') of instance " + id + " is no longer"
                        + " open: an error caught by 'fraudFound' ended the task before it was completed (history event "
                        + termination.get("id") + ", sequence " + termination.get("sequence") + ", at "
                        + termination.get("occurredAt") + "); nothing was changed. GET /instances/" + id
                        + "/tasks lists the open tasks."))
                .body("endedBy", equalTo("fraudFound"))
                .body("eventId", equalTo(termination.get("id")));

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

    private static List<Map<String, Object>> history(String id) {
        return given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
    }
}
