package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import org.junit.jupiter.api.Test;

/** Error end and boundary events as modelers write them, and what the build says when one cannot work. */
class ErrorEventCheckTest {

    @Test
    void readsErrorBoundaryAndEndEventsWithTheirCodes() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="checks" />
                    <subProcess id="checks">
                      <startEvent id="checksStart" />
                      <sequenceFlow id="c1" sourceRef="checksStart" targetRef="fraud" />
                      <endEvent id="fraud"><errorEventDefinition errorRef="fraudError" /></endEvent>
                    </subProcess>
                    <sequenceFlow id="f2" sourceRef="checks" targetRef="charge" />
                    <boundaryEvent id="fraudFound" attachedToRef="checks"><errorEventDefinition errorRef="fraudError" /></boundaryEvent>
                    <sequenceFlow id="f3" sourceRef="fraudFound" targetRef="end" />
                    <serviceTask id="charge" ferry:handler="charge" />
                    <sequenceFlow id="f4" sourceRef="charge" targetRef="end" />
                    <boundaryEvent id="anyError" attachedToRef="charge"><errorEventDefinition /></boundaryEvent>
                    <sequenceFlow id="f5" sourceRef="anyError" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                  <error id="fraudError" errorCode="FRAUD" name="Fraud suspected" />
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        ProcessDefinition order = result.definitions().get(0);
        assertThat(order.requireNode("fraud").kind()).isEqualTo(NodeKind.ERROR_END_EVENT);
        assertThat(order.requireNode("fraud").details()).isEqualTo(new NodeDetails.Error("FRAUD"));
        assertThat(order.requireNode("fraudFound").details()).isEqualTo(new NodeDetails.BoundaryError("checks", "FRAUD"));
        assertThat(order.requireNode("anyError").details()).isEqualTo(new NodeDetails.BoundaryError("charge", null));
    }

    @Test
    void anErrorBoundaryOnAUserTaskAndAnUnknownErrorAreBuildErrors() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
                    <userTask id="review" />
                    <sequenceFlow id="f2" sourceRef="review" targetRef="failed" />
                    <boundaryEvent id="oops" attachedToRef="review"><errorEventDefinition errorRef="e" /></boundaryEvent>
                    <sequenceFlow id="f3" sourceRef="oops" targetRef="failed" />
                    <endEvent id="failed"><errorEventDefinition errorRef="e" /></endEvent>
                    <endEvent id="lost"><errorEventDefinition errorRef="nope" /></endEvent>
                  </process>
                  <error id="e" errorCode="E1" />
                </definitions>
                """)).containsExactly(
                "order.bpmn:7:5 [oops] error boundary event is attached to 'review', a userTask: a BPMN error comes from the "
                        + "handler of a task run as a job (service, send, business rule or script task) or an error end event "
                        + "inside a sub-process, so attach it to one of those",
                "order.bpmn:10:25 [lost] errorRef 'nope' names no <error> of the file: declare <error id=\"nope\" errorCode=\"…\"/> "
                        + "beside the process");
    }
}
