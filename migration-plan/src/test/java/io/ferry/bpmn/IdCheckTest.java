package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdCheckTest {

    @Test
    void flowNodesAndSequenceFlowsNeedAnId() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <userTask name="Approve" />
                    <sequenceFlow sourceRef="start" targetRef="start" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:5 <userTask> has no id: add an id attribute (migration plans and history refer to elements by id)",
                "order.bpmn:5:5 <sequenceFlow> has no id: add an id attribute (migration plans and history refer to elements by id)");
    }

    @Test
    void idsAreUniqueAcrossTheProcessAndItsSubProcesses() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <subProcess id="review">
                      <startEvent id="start" />
                    </subProcess>
                    <sequenceFlow id="review" sourceRef="start" targetRef="review" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:5:7 [start] duplicate id, already used on line 3: give each element its own id",
                "order.bpmn:7:5 [review] duplicate id, already used on line 4: give each element its own id");
    }
}
