package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A process as modelers draw one that talks to the world: a send task, a milestone, a message throw event
 * (Camunda 8's task definition) and a message end event (Camunda 7's external topic on the event definition).
 * Each message is sent by a handler as a job, outside the request; the instance ends when the last is sent.
 */
class MessagesSentByHandlersTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="claim" isExecutable="true" ferry:version="1">
                <startEvent id="filed"/>
                <sequenceFlow id="f1" sourceRef="filed" targetRef="acknowledge"/>
                <sendTask id="acknowledge" name="Acknowledge the claim" ferry:handler="mail"/>
                <sequenceFlow id="f2" sourceRef="acknowledge" targetRef="acknowledged"/>
                <intermediateThrowEvent id="acknowledged" name="Claim acknowledged"/>
                <sequenceFlow id="f3" sourceRef="acknowledged" targetRef="notifyInsurer"/>
                <intermediateThrowEvent id="notifyInsurer">
                  <extensionElements><zeebe:taskDefinition type="mail"/></extensionElements>
                  <messageEventDefinition messageRef="claimFiled"/>
                </intermediateThrowEvent>
                <sequenceFlow id="f4" sourceRef="notifyInsurer" targetRef="replied"/>
                <endEvent id="replied"><messageEventDefinition camunda:type="external" camunda:topic="mail"/></endEvent>
              </process>
              <message id="claimFiled" name="ClaimFiled"/>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, MailHandler.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/claim.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void eachMessageIsSentByItsHandlerInTurnAndTheInstanceEndsWithTheLast() {
        String id = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("claimant", "ada")))
                .post("/processes/claim/instances").then().statusCode(201).extract().path("id");
        given().get("/instances/{id}", id).then().statusCode(200).body("jobs.nodeId", contains("acknowledge"));

        for (String next : new String[] {"notifyInsurer", "replied"}) {
            given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(1));
            given().get("/instances/{id}", id).then().statusCode(200).body("jobs.nodeId", contains(next));
        }
        given().post("/admin/jobs/run").then().statusCode(200).body("completed", equalTo(1));

        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("variables.sent", equalTo(3));
        assertThat(MailHandler.SENT).extracting(ServiceTaskContext::nodeId).containsExactly("acknowledge", "notifyInsurer", "replied");
        List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
        assertThat(history).filteredOn(event -> event.get("type").equals("NodeCompleted")).extracting(event -> event.get("nodeId"))
                .containsExactly("filed", "acknowledge", "acknowledged", "notifyInsurer", "replied");
    }

    @Test
    void theModelShowsEachNodeAsItsElementWithItsHandler() {
        given().get("/processes/claim").then().statusCode(200)
                .body("nodes.find { it.id == 'acknowledge' }.type", equalTo("sendTask"))
                .body("nodes.find { it.id == 'acknowledge' }.handler", equalTo("mail"))
                .body("nodes.find { it.id == 'acknowledged' }.type", equalTo("intermediateThrowEvent"))
                .body("nodes.find { it.id == 'acknowledged' }.handler", equalTo(null))
                .body("nodes.find { it.id == 'notifyInsurer' }.type", equalTo("intermediateThrowEvent"))
                .body("nodes.find { it.id == 'notifyInsurer' }.handler", equalTo("mail"))
                .body("nodes.find { it.id == 'replied' }.type", equalTo("endEvent"))
                .body("nodes.find { it.id == 'replied' }.handler", equalTo("mail"));
    }

    /** Counts what it sends in the variable {@code sent}. */
    @ApplicationScoped
    @ServiceTask("mail")
    public static class MailHandler implements ServiceTaskHandler {

        static final List<ServiceTaskContext> SENT = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) {
            SENT.add(context);
            return Map.of("sent", context.variables().path("sent").asInt() + 1);
        }
    }
}
