package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Message events and receive tasks as modelers write them, and what the build says when one cannot run. */
class MessageEventCheckTest {

    @Test
    void readsMessageEventsReceiveTasksAndTheirCorrelationKeys() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="placed"><messageEventDefinition messageRef="orderPlaced" /></startEvent>
                    <sequenceFlow id="f1" sourceRef="placed" targetRef="waitForPayment" />
                    <intermediateCatchEvent id="waitForPayment"><messageEventDefinition messageRef="paid" /></intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="waitForPayment" targetRef="confirm" />
                    <receiveTask id="confirm" messageRef="confirmed" ferry:correlationKey="${customer.id}" />
                    <sequenceFlow id="f3" sourceRef="confirm" targetRef="end" />
                    <boundaryEvent id="cancelled" attachedToRef="confirm" cancelActivity="false">
                      <messageEventDefinition messageRef="cancel" />
                    </boundaryEvent>
                    <sequenceFlow id="f4" sourceRef="cancelled" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                  <message id="orderPlaced" name="OrderPlaced" />
                  <message id="paid" name="PaymentReceived" ferry:correlationKey="${orderId}" />
                  <message id="confirmed" name="Confirmed" />
                  <message id="cancel" name="CancelRequested">
                    <extensionElements><zeebe:subscription correlationKey="=orderId" /></extensionElements>
                  </message>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        ProcessDefinition order = result.definitions().get(0);
        assertThat(order.requireNode("placed").kind()).isEqualTo(NodeKind.MESSAGE_START_EVENT);
        assertThat(order.requireNode("placed").details()).isEqualTo(new NodeDetails.Message("OrderPlaced", null));
        assertThat(order.requireNode("waitForPayment").details()).isEqualTo(new NodeDetails.Message("PaymentReceived", "orderId"));
        assertThat(order.requireNode("confirm").kind()).isEqualTo(NodeKind.RECEIVE_TASK);
        assertThat(order.requireNode("confirm").details()).isEqualTo(new NodeDetails.Message("Confirmed", "customer.id"));
        assertThat(order.requireNode("cancelled").details()).isEqualTo(
                new NodeDetails.BoundaryMessage("confirm", false, new NodeDetails.Message("CancelRequested", "orderId")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ${orderId}     | orderId
            #{ order.id }  | order.id
            =orderId       | orderId
            orderId        | orderId
            =order.items[0] |
            ${a + b}       |
            =upper(id)     |
            """)
    void aCorrelationKeyNamesOneVariable(String written, String path) {
        assertThat(MessageDeclarations.path(written)).isEqualTo(path);
    }

    @Test
    void aMessageEventFerryCannotRunIsABuildErrorOnItsLine() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="a" />
                    <intermediateCatchEvent id="a"><messageEventDefinition /></intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="a" targetRef="b" />
                    <intermediateCatchEvent id="b"><messageEventDefinition messageRef="nope" /></intermediateCatchEvent>
                    <sequenceFlow id="f3" sourceRef="b" targetRef="c" />
                    <receiveTask id="c" messageRef="keyless" />
                    <sequenceFlow id="f4" sourceRef="c" targetRef="d" />
                    <receiveTask id="d" messageRef="feel" />
                    <sequenceFlow id="f5" sourceRef="d" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                  <message id="keyless" name="Keyless" />
                  <message id="feel" name="Feel"><extensionElements>
                    <zeebe:subscription correlationKey="=string(orderId) + &quot;-x&quot;" />
                  </extensionElements></message>
                </definitions>
                """)).containsExactly(
                "order.bpmn:5:5 [a] intermediateCatchEvent waits for no message: give it a messageRef naming a <message> of "
                        + "the file (on its messageEventDefinition, or on the receiveTask itself)",
                "order.bpmn:7:36 [b] messageRef 'nope' names no <message> of the file: declare <message id=\"nope\" name=\"…\"/> "
                        + "beside the process",
                "order.bpmn:9:5 [c] receiveTask waits for message 'Keyless' without a correlation key: add "
                        + "ferry:correlationKey=\"${orderId}\" (the variable whose value a message must carry) to the <message> "
                        + "or to this element",
                "order.bpmn:11:5 [d] correlation key '=string(orderId) + \"-x\"' is an expression Ferry cannot read: name the one "
                        + "variable that holds the key, as ${orderId}, #{orderId}, =orderId or =order.id");
    }
}
