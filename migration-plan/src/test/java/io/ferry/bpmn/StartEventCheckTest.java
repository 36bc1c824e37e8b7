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
                "order.bpmn:2:3 [order] process has no none, message or timer start event: add a start event without an event "
                        + "definition, or one that a message or a timer starts",
                "order.bpmn:4:5 [review] sub-process has no none start event: add a start event without an event definition");
    }

    @Test
    void aRejectedStartEventIsReportedOnce() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="orderPlaced"><signalEventDefinition signalRef="placed" /></startEvent>
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:3:34 [orderPlaced] unsupported element <signalEventDefinition>:"
                + " Ferry starts processes only from none, message and timer start events, and sub-processes only from none"
                + " start events; remove the event definition");
    }
}
