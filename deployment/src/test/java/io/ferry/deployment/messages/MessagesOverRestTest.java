package io.ferry.deployment.messages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.ferry.deployment.timers.SettableClock;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Messages as a sender sends them: one that wakes a waiting instance (nothing held in memory between
 * operations: the subscription is a row), one that starts an instance, one buffered before its
 * subscriber and delivered when the instance gets there, one that expired first, a repeated message
 * id, an interrupting boundary message, and the sender's mistakes.
 */
class MessagesOverRestTest {

    private static final String ORDER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn"
                         xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" targetNamespace="test">
              <process id="order" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
                <userTask id="approve"/>
                <sequenceFlow id="f2" sourceRef="approve" targetRef="waitForPayment"/>
                <boundaryEvent id="cancelled" attachedToRef="approve">
                  <messageEventDefinition messageRef="cancel"/>
                </boundaryEvent>
                <sequenceFlow id="f5" sourceRef="cancelled" targetRef="closed"/>
                <endEvent id="closed"/>
                <intermediateCatchEvent id="waitForPayment"><messageEventDefinition messageRef="paid"/></intermediateCatchEvent>
                <sequenceFlow id="f3" sourceRef="waitForPayment" targetRef="ship"/>
                <userTask id="ship"/>
                <sequenceFlow id="f4" sourceRef="ship" targetRef="done"/>
                <endEvent id="done"/>
              </process>
              <message id="paid" name="PaymentReceived" ferry:correlationKey="${orderId}"/>
              <message id="cancel" name="CancelOrder">
                <extensionElements><zeebe:subscription correlationKey="=orderId"/></extensionElements>
              </message>
            </definitions>
            """;
    private static final String LEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="lead" isExecutable="true" ferry:version="1">
                <startEvent id="received"><messageEventDefinition messageRef="lead"/></startEvent>
                <sequenceFlow id="f1" sourceRef="received" targetRef="call"/>
                <userTask id="call"/>
              </process>
              <message id="lead" name="LeadReceived"/>
            </definitions>
            """;

    private static final String QUOTE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="quote" isExecutable="true" ferry:version="1">
                <startEvent id="sent"/>
                <sequenceFlow id="f1" sourceRef="sent" targetRef="firstOf"/>
                <eventBasedGateway id="firstOf"/>
                <sequenceFlow id="f2" sourceRef="firstOf" targetRef="accepted"/>
                <sequenceFlow id="f3" sourceRef="firstOf" targetRef="expired"/>
                <intermediateCatchEvent id="accepted"><messageEventDefinition messageRef="accept"/></intermediateCatchEvent>
                <intermediateCatchEvent id="expired">
                  <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
                </intermediateCatchEvent>
                <sequenceFlow id="f4" sourceRef="accepted" targetRef="book"/>
                <sequenceFlow id="f5" sourceRef="expired" targetRef="followUp"/>
                <userTask id="book"/>
                <userTask id="followUp"/>
              </process>
              <message id="accept" name="QuoteAccepted" ferry:correlationKey="${quoteId}"/>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class)
                    .addAsResource(new StringAsset(ORDER), "processes/order.bpmn")
                    .addAsResource(new StringAsset(LEAD), "processes/lead.bpmn")
                    .addAsResource(new StringAsset(QUOTE), "processes/quote.bpmn"))
            .overrideConfigKey("quarkus.ferry.timers.poll-every", "off")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Test
    void atAnEventBasedGatewayTheMessageBeatsTheTimerOrTheTimerWins() {
        String acceptedInTime = startQuote("q-1");
        String leftWaiting = startQuote("q-2");
        given().get("/instances/{id}", acceptedInTime).then().body("activeNodeIds", contains("firstOf"));

        send(Map.of("name", "QuoteAccepted", "correlationKey", "q-1", "variables", Map.of())).statusCode(200)
                .body("outcome", equalTo("CORRELATED"));
        SettableClock.advance(Duration.ofHours(1));
        given().post("/admin/timers/fire").then().statusCode(200).body("fired", equalTo(1));

        given().get("/instances/{id}", acceptedInTime).then().body("activeNodeIds", contains("book"));
        given().get("/instances/{id}", leftWaiting).then().body("activeNodeIds", contains("followUp"));
        send(Map.of("name", "QuoteAccepted", "correlationKey", "q-2", "variables", Map.of())).statusCode(404);
    }

    private static String startQuote(String quoteId) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("quoteId", quoteId)))
                .post("/processes/quote/instances").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMessageWakesTheInstanceWaitingForItsNameAndKey() {
        String id = startOrder("o-1");
        approve(id);
        given().get("/instances/{id}", id).then().statusCode(200)
                .body("messages.messageName", contains("PaymentReceived")).body("messages[0].correlationKey", equalTo("o-1"))
                .body("messages[0].nodeId", equalTo("waitForPayment"));
        given().get("/processes/order").then().statusCode(200)
                .body("nodes.find { it.id == 'waitForPayment' }.message.messageName", equalTo("PaymentReceived"))
                .body("nodes.find { it.id == 'cancelled' }.attachedTo", equalTo("approve"));

        send(Map.of("name", "PaymentReceived", "correlationKey", "o-2", "variables", Map.of())).statusCode(404)
                .body("type", equalTo("https://ferry.io/problems/no-subscriber"))
                .body("detail", equalTo("No instance waits for message 'PaymentReceived' with correlation key 'o-2' and no "
                        + "process starts with it. Send it with a timeToLive (e.g. \"PT1H\") to keep it until an instance "
                        + "waits for it."));
        send(Map.of("name", "PaymentReceived", "correlationKey", "o-1", "variables", Map.of("paid", 120))).statusCode(200)
                .body("outcome", equalTo("CORRELATED")).body("instanceId", equalTo(id));

        given().get("/instances/{id}", id).then().statusCode(200)
                .body("activeNodeIds", contains("ship")).body("variables.paid", equalTo(120));
        given().get("/instances/{id}/history", id).then().statusCode(200)
                .body("find { it.type == 'MessageCorrelated' }.data.messageName", equalTo("PaymentReceived"));
    }

    @Test
    void aMessageBufferedBeforeItsSubscriberIsDeliveredWhenTheInstanceGetsThere() {
        String id = startOrder("o-3");
        send(Map.of("name", "PaymentReceived", "correlationKey", "o-3", "variables", Map.of("paid", 1), "messageId", "pay-1",
                "timeToLive", "PT1H")).statusCode(202).body("outcome", equalTo("BUFFERED")).body("instanceId", nullValue());
        send(Map.of("name", "PaymentReceived", "correlationKey", "o-3", "variables", Map.of("paid", 2), "messageId", "pay-1",
                "timeToLive", "PT1H")).statusCode(200).body("outcome", equalTo("DUPLICATE"));

        approve(id);

        given().get("/instances/{id}", id).then().statusCode(200)
                .body("activeNodeIds", contains("ship")).body("variables.paid", equalTo(1));
        send(Map.of("name", "PaymentReceived", "correlationKey", "o-3", "variables", Map.of("paid", 3), "messageId", "pay-1"))
                .statusCode(200).body("outcome", equalTo("DUPLICATE")).body("instanceId", equalTo(id));
    }

    @Test
    void aBufferedMessageWhoseTimeToLiveRanOutIsNotDelivered() {
        String id = startOrder("o-4");
        send(Map.of("name", "PaymentReceived", "correlationKey", "o-4", "variables", Map.of(), "timeToLive", "PT10M"))
                .statusCode(202).body("expiresAt", equalTo(SettableClock.now.plus(Duration.ofMinutes(10)).toString()));
        SettableClock.advance(Duration.ofMinutes(11));

        approve(id);

        given().get("/instances/{id}", id).then().statusCode(200).body("activeNodeIds", contains("waitForPayment"));
    }

    @Test
    void aRepeatedMessageIdIsNotCorrelatedTwice() {
        String first = startOrder("o-5");
        approve(first);
        Map<String, Object> message = Map.of("name", "PaymentReceived", "correlationKey", "o-5", "variables", Map.of(),
                "messageId", "pay-5");
        send(message).statusCode(200).body("outcome", equalTo("CORRELATED"));
        String second = startOrder("o-5");
        approve(second);

        send(message).statusCode(200).body("outcome", equalTo("DUPLICATE")).body("instanceId", equalTo(first));
        given().get("/instances/{id}", second).then().body("activeNodeIds", contains("waitForPayment"));
    }

    @Test
    void aMessageStartEventStartsAnInstanceAndAProcessWithoutANoneStartRefusesAPlainStart() {
        send(Map.of("name", "LeadReceived", "variables", Map.of("name", "Ada"), "messageId", "lead-1")).statusCode(201)
                .body("outcome", equalTo("STARTED"));
        send(Map.of("name", "LeadReceived", "variables", Map.of("name", "Ada"), "messageId", "lead-1")).statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        given().queryParam("processId", "lead").get("/instances").then().body("total", equalTo(1));

        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of())).post("/processes/lead/instances")
                .then().statusCode(409).body("type", equalTo("https://ferry.io/problems/starts-by-message"))
                .body("detail", equalTo("Process 'lead' has no none start event: an instance starts when a message "
                        + "[LeadReceived] is sent with POST /messages."));
    }

    @Test
    void anInterruptingBoundaryMessageEndsTheTask() {
        String id = startOrder("o-6");

        send(Map.of("name", "CancelOrder", "correlationKey", "o-6", "variables", Map.of("reason", "changed mind")))
                .statusCode(200).body("outcome", equalTo("CORRELATED"));

        given().get("/instances/{id}", id).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("variables.reason", equalTo("changed mind"));
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/approve/complete", id).then().statusCode(409);
    }

    @Test
    void whatASenderGetsWrongIsAClearProblem() {
        send(Map.of("correlationKey", "x")).statusCode(400).body("detail", equalTo(
                "name is missing: send the message's name, as the BPMN's <message name=\"…\"> says."));
        send(Map.of("name", "PaymentReceived", "correlationKey", "x", "timeToLive", "1h")).statusCode(400)
                .body("detail", equalTo("timeToLive must be an ISO-8601 duration from PT1S to PT720H, such as PT1H; got '1h'."));
        send(Map.of("name", "PaymentReceived", "variables", List.of(1))).statusCode(400);
        Map<String, Object> unknownField = new HashMap<>(Map.of("name", "PaymentReceived", "corelationKey", "x"));
        send(unknownField).statusCode(400);
        send(Map.of("name", "Payment\u0000Received")).statusCode(400).body("type", equalTo("https://ferry.io/problems/invalid-text"));
        send(Map.of("name", "PaymentReceived", "correlationKey", "k".repeat(300))).statusCode(400)
                .body("type", equalTo("https://ferry.io/problems/text-too-long"));
        send(Map.of("name", "PaymentReceived", "correlationKey", 42)).statusCode(400);
        send(Map.of("name", "PaymentReceived", "correlationKey", "x", "timeToLive", "P400D")).statusCode(400);
        given().contentType(ContentType.JSON).body("[1]").post("/messages").then().statusCode(400);
        given().queryParam("processId", "order").get("/instances").then().statusCode(200);
    }

    private static String startOrder(String orderId) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("orderId", orderId)))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");
    }

    private static void approve(String id) {
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/approve/complete", id).then().statusCode(200);
    }

    private static ValidatableResponse send(Map<String, Object> message) {
        return given().contentType(ContentType.JSON).body(message).post("/messages").then();
    }
}
