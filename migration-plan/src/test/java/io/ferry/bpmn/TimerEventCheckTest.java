package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.TimerDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timer catch and boundary events are read with their timers, and every timer a pod could not schedule fails the build. */
class TimerEventCheckTest {

    @Test
    void readsTimerCatchAndBoundaryEvents() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="claim" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="coolingOff" />
                    <intermediateCatchEvent id="coolingOff">
                      <timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT15M</timeDuration></timerEventDefinition>
                    </intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="coolingOff" targetRef="review" />
                    <userTask id="review" />
                    <boundaryEvent id="remind" attachedToRef="review" cancelActivity="false">
                      <timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="f3" sourceRef="remind" targetRef="reminded" />
                    <endEvent id="reminded" />
                    <sequenceFlow id="f4" sourceRef="review" targetRef="done" />
                    <endEvent id="done" />
                  </process>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        ProcessDefinition claim = result.definitions().get(0);
        assertThat(claim.requireNode("coolingOff").kind()).isEqualTo(NodeKind.TIMER_CATCH_EVENT);
        assertThat(claim.requireNode("coolingOff").details())
                .isEqualTo(new NodeDetails.Timer(new TimerDefinition(TimerDefinition.Type.DURATION, "PT15M")));
        assertThat(claim.requireNode("remind").details()).isEqualTo(new NodeDetails.BoundaryTimer("review", false,
                new TimerDefinition(TimerDefinition.Type.CYCLE, "R3/PT1H")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            timeDuration | PT15X                | <timeDuration> 'PT15X' is not an ISO 8601 duration, e.g. PT15M or P2D
            timeDate     | 2027-01-31T09:00:00  | <timeDate> '2027-01-31T09:00:00' has no offset, so its moment depends on the server's time zone; add Z for UTC or an offset such as +01:00
            timeCycle    | R0/PT1H              | <timeCycle> 'R0/PT1H' repeats zero times; write R1 or more, or R for no end
            timeCycle    | 0 0 9 * * ?          | <timeCycle> '0 0 9 * * ?' is not an ISO 8601 repeating interval, e.g. R3/PT10M, R/P1D or R2/2027-01-31T09:00:00Z/PT1H
            timeDuration | ${delay * 2}         | <timeDuration> '${delay * 2}' is an expression Ferry cannot read: name the one variable that holds the timer, as ${reminderDelay} or =reminderDelay
            """)
    void aTimerThatCannotBeScheduledFailsTheBuildAtItsLine(String element, String text, String message) {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="claim" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
                    <intermediateCatchEvent id="wait"><timerEventDefinition>
                      <%s>%s</%1$s>
                    </timerEventDefinition></intermediateCatchEvent>
                    <sequenceFlow id="f2" sourceRef="wait" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                </definitions>
                """.formatted(element, text))).containsExactly("order.bpmn:6:7 [wait] " + message);
    }

    @Test
    void aBoundaryEventMustHangOnAUserOrServiceTaskAndOnlyLeave() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="claim" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="pay" />
                    <manualTask id="pay" />
                    <boundaryEvent id="slow" attachedToRef="pay">
                      <timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="f2" sourceRef="start" targetRef="slow" />
                    <boundaryEvent id="lost" attachedToRef="nowhere">
                      <timerEventDefinition><timeDuration>PT1M</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="f3" sourceRef="lost" targetRef="end" />
                    <intermediateCatchEvent id="signal"><signalEventDefinition /></intermediateCatchEvent>
                    <intermediateCatchEvent id="empty" />
                    <endEvent id="end" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:6:5 [slow] boundary event is attached to 'pay', a manualTask: Ferry runs boundary events on "
                        + "user tasks, receive tasks, tasks run as jobs (service, send, business rule and script tasks) and "
                        + "sub-processes only yet",
                "order.bpmn:6:5 [slow] boundary event has incoming sequence flows 'f2': it starts from its task, remove them",
                "order.bpmn:6:5 [slow] boundary event has no outgoing sequence flow: connect it to where the process goes when "
                        + "it is triggered",
                "order.bpmn:10:5 [lost] boundary event is attached to 'nowhere', which is no flow node of the process: attach it "
                        + "to a user task or a service task",
                "order.bpmn:14:41 [signal] unsupported element <signalEventDefinition>: Ferry executes only timer and message "
                        + "intermediate catch events yet; signals and links are not supported",
                "order.bpmn:15:5 [empty] intermediateCatchEvent has no timer: add a timerEventDefinition holding a timeDate, "
                        + "timeDuration or timeCycle");
    }

    @Test
    void aTimerStartEventStartsAProcessOnItsOwnButReadsNoVariable() {
        BpmnReadResult weekly = BpmnFiles.read("""
                <definitions>
                  <process id="report" ferry:version="1">
                    <startEvent id="everyMonday">
                      <timerEventDefinition><timeCycle>R/2027-01-04T06:00:00Z/P1W</timeCycle></timerEventDefinition>
                    </startEvent>
                    <sequenceFlow id="f1" sourceRef="everyMonday" targetRef="compile" />
                    <userTask id="compile" />
                  </process>
                </definitions>
                """);
        assertThat(weekly.problems()).isEmpty();
        assertThat(weekly.definitions().get(0).requireNode("everyMonday").kind()).isEqualTo(io.ferry.definition.NodeKind.TIMER_START_EVENT);

        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="report" ferry:version="1">
                    <startEvent id="later">
                      <timerEventDefinition><timeDuration>${delay}</timeDuration></timerEventDefinition>
                    </startEvent>
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:4:7 [later] a timer start event has no instance whose variables it could "
                + "read: write the date, duration or cycle itself");
    }
}
