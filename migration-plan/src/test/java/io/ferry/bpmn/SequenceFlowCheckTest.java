package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceFlowCheckTest {

    @Test
    void bothEndsMustNameANodeOfTheProcess() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <textAnnotation id="note" />
                    <sequenceFlow id="toNowhere" sourceRef="start" targetRef="shipp" />
                    <sequenceFlow id="fromNote" sourceRef="note" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:5:5 [toNowhere] targetRef 'shipp' names no flow node of the process: connect the sequence flow to a node",
                "order.bpmn:6:5 [fromNote] sourceRef 'note' names no flow node of the process: connect the sequence flow to a node",
                "order.bpmn:6:5 [fromNote] sequence flow has no targetRef: connect both of its ends");
    }

    @Test
    void aFlowMayNotCrossASubProcessBoundary() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <subProcess id="review">
                      <startEvent id="reviewStart" />
                      <userTask id="approve" />
                    </subProcess>
                    <sequenceFlow id="intoReview" sourceRef="start" targetRef="approve" />
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:8:5 [intoReview] sequence flow crosses a sub-process boundary:"
                + " source 'start' is at process level but target 'approve' is in sub-process 'review'; connect nodes of the same scope");
    }

    @Test
    void flowsTouchingARejectedElementRaiseNoSecondProblem() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <callActivity id="pay" />
                    <sequenceFlow id="toPay" sourceRef="start" targetRef="pay" />
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:4:5 [pay] unsupported element <callActivity>: Ferry does not execute call activities yet");
    }
}
