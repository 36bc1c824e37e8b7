package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsupportedElementTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            complexGateway         | Ferry does not execute complex gateways; use exclusive, inclusive or parallel gateways
            callActivity           | Ferry does not execute call activities yet
            adHocSubProcess        | Ferry does not execute ad-hoc sub-processes
            transaction            | Ferry does not execute transaction sub-processes
            choreographyTask       | Ferry does not know this BPMN element; remove it
            """)
    void rejectsTheElementByNameAndId(String element, String reason) {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <%s id="x"><startEvent id="inner" /></%1$s>
                  </process>
                </definitions>
                """.formatted(element))).containsExactly("order.bpmn:4:5 [x] unsupported element <" + element + ">: " + reason);
    }

    @Test
    void rejectsEventSubProcesses() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <subProcess id="onCancel" triggeredByEvent="true">
                      <startEvent id="cancelled"><messageEventDefinition /></startEvent>
                    </subProcess>
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:4:5 [onCancel] unsupported element <subProcess>: Ferry does not execute event sub-processes yet");
    }

    @Test
    void rejectsLoopsAndMultiInstance() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <userTask id="approve"><multiInstanceLoopCharacteristics isSequential="true" /></userTask>
                    <subProcess id="retry">
                      <standardLoopCharacteristics />
                      <startEvent id="retryStart" />
                    </subProcess>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:28 [approve] unsupported element <multiInstanceLoopCharacteristics>: Ferry does not execute multi-instance activities yet",
                "order.bpmn:6:7 [retry] unsupported element <standardLoopCharacteristics>: Ferry does not execute loop activities;"
                        + " model the loop with an exclusive gateway and a sequence flow back");
    }

    @Test
    void rejectsStartEventsWithAnEventDefinition() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="everyMonday">
                      <conditionalEventDefinition><condition>${monday}</condition></conditionalEventDefinition>
                    </startEvent>
                    <sequenceFlow id="toWork" sourceRef="everyMonday" targetRef="work" />
                    <task id="work" />
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:4:7 [everyMonday] unsupported element <conditionalEventDefinition>:"
                + " Ferry starts processes only from none, message and timer start events, and sub-processes only from none"
                + " start events; remove the event definition");
    }

    @Test
    void rejectsEndEventsThatThrow() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <endEvent id="escalated"><escalationEventDefinition escalationRef="tooLate" /></endEvent>
                    <endEvent id="told"><signalEventDefinition /></endEvent>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:30 [escalated] unsupported element <escalationEventDefinition>: Ferry supports only none, terminate, "
                        + "error and message end events",
                "order.bpmn:5:25 [told] unsupported element <signalEventDefinition>: Ferry supports only none, terminate, error and "
                        + "message end events");
    }

    @Test
    void rejectsUnknownChildrenOfANode() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <userTask id="approve"><timerEventDefinition /></userTask>
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:4:28 [approve] unsupported element <timerEventDefinition>: Ferry does not know this BPMN element; remove it");
    }

    @Test
    void reportsEveryProblemOfTheFileAtTheLineItsTagStarts() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <scriptTask id="compute"
                        scriptFormat="groovy" />
                    <callActivity id="pay" />
                    <subProcess id="ship">
                      <startEvent id="shipStart" />
                      <boundaryEvent id="late" attachedToRef="ship" />
                    </subProcess>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:5 [compute] scriptTask names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean "
                        + "that does the work (Ferry runs no script text)",
                "order.bpmn:6:5 [pay] unsupported element <callActivity>: Ferry does not execute call activities yet",
                "order.bpmn:9:7 [late] boundaryEvent has no timer: add a timerEventDefinition holding a timeDate, timeDuration or timeCycle");
    }
}
