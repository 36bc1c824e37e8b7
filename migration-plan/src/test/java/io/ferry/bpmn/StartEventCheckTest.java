package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartEventCheckTest {

    @Test
    void aProcessAndEachSubProcessNeedANoneStartEvent() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <userTask id="approve" />
                    <subProcess id="review">
                      <userTask id="check" />
                    </subProcess>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:2 [order] process has no none start event: add a start event without an event definition",
                "order.bpmn:4 [review] sub-process has no none start event: add a start event without an event definition");
    }

    @Test
    void aRejectedStartEventIsReportedOnce() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="orderPlaced"><messageEventDefinition messageRef="placed" /></startEvent>
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:3 [orderPlaced] unsupported element <messageEventDefinition>:"
                + " Ferry starts processes and sub-processes only from none start events; remove the event definition");
    }
}
