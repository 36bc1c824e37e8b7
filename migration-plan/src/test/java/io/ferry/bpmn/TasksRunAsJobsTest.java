package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Send, business rule and script tasks and message throw and end events are run as jobs by the handler they
 * name, like service tasks; a none intermediate throw event is a milestone the token passes.
 */
class TasksRunAsJobsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sendTask         | SEND_TASK
            businessRuleTask | BUSINESS_RULE_TASK
            scriptTask       | SCRIPT_TASK
            """)
    void aTaskNamingAHandlerIsAJobWithItsRetries(String element, NodeKind kind) {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <%1$s id="work" ferry:handler="worker" ferry:retries="5" ferry:retryBackoff="PT2S" />
                  </process>
                </definitions>
                """.formatted(element));

        assertThat(result.problems()).isEmpty();
        ProcessDefinition order = result.definitions().get(0);
        assertThat(order.requireNode("work").kind()).isEqualTo(kind);
        assertThat(order.requireNode("work").details(NodeDetails.ServiceTask.class))
                .isEqualTo(new NodeDetails.ServiceTask("worker", 5, java.time.Duration.ofSeconds(2)));
    }

    @Test
    void eachTaskWithoutHandlerSaysWhatItsHandlerWouldDo() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sendTask id="notify" messageRef="m" />
                    <businessRuleTask id="decide" camunda:decisionRef="discounts" />
                    <scriptTask id="compute" scriptFormat="groovy"><script>total = 1</script></scriptTask>
                    <intermediateThrowEvent id="announce"><messageEventDefinition messageRef="m" /></intermediateThrowEvent>
                    <endEvent id="reply"><messageEventDefinition /></endEvent>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:5 [notify] sendTask names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean "
                        + "that sends the message",
                "order.bpmn:5:5 [decide] businessRuleTask names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean "
                        + "that applies the rules (Ferry evaluates no DMN decision itself)",
                "order.bpmn:6:5 [compute] scriptTask names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean "
                        + "that does the work (Ferry runs no script text)",
                "order.bpmn:7:5 [announce] intermediateThrowEvent names no handler: add ferry:handler=\"name\" and a "
                        + "@ServiceTask(\"name\") bean that sends the message",
                "order.bpmn:8:5 [reply] endEvent names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean "
                        + "that sends the message");
    }

    /** Camunda 8 names the job type in the event's task definition, Camunda 7 on the message event definition. */
    @Test
    void messageThrowAndEndEventsAreJobsOfTheHandlerTheModelerNames() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <intermediateThrowEvent id="zeebe">
                      <extensionElements><zeebe:taskDefinition type="announce" retries="2" /></extensionElements>
                      <messageEventDefinition messageRef="m" />
                    </intermediateThrowEvent>
                    <intermediateThrowEvent id="external"><messageEventDefinition camunda:type="external" camunda:topic="mail" /></intermediateThrowEvent>
                    <intermediateThrowEvent id="delegate">
                      <messageEventDefinition camunda:delegateExpression="${mailer}" />
                    </intermediateThrowEvent>
                    <intermediateThrowEvent id="milestone" name="Order accepted" />
                    <endEvent id="reply" ferry:handler="reply"><messageEventDefinition /></endEvent>
                  </process>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        ProcessDefinition order = result.definitions().get(0);
        assertThat(order.requireNode("zeebe").kind()).isEqualTo(NodeKind.MESSAGE_THROW_EVENT);
        assertThat(order.requireNode("zeebe").details(NodeDetails.ServiceTask.class)).isEqualTo(new NodeDetails.ServiceTask("announce", 2, null));
        assertThat(order.requireNode("external").details(NodeDetails.ServiceTask.class).handler()).isEqualTo("mail");
        assertThat(order.requireNode("delegate").details(NodeDetails.ServiceTask.class).handler()).isEqualTo("mailer");
        assertThat(order.requireNode("milestone").kind()).isEqualTo(NodeKind.INTERMEDIATE_THROW_EVENT);
        assertThat(order.requireNode("reply").kind()).isEqualTo(NodeKind.MESSAGE_END_EVENT);
        assertThat(order.requireNode("reply").details(NodeDetails.ServiceTask.class).handler()).isEqualTo("reply");
    }

    @Test
    void otherThrowEventsAreRejectedWithTheReason() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <intermediateThrowEvent id="shout"><signalEventDefinition signalRef="s" /></intermediateThrowEvent>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:40 [shout] unsupported element <signalEventDefinition>: Ferry executes only none and message "
                        + "intermediate throw events yet; signals, escalations, compensation and links are not supported");
    }

    /** Timer and error boundary events hang on every task run as a job, as on a service task. */
    @Test
    void boundaryEventsHangOnTasksRunAsJobs() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="f1" sourceRef="start" targetRef="notify" />
                    <sendTask id="notify" ferry:handler="mail" />
                    <boundaryEvent id="late" attachedToRef="notify"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
                    <boundaryEvent id="bounced" attachedToRef="notify"><errorEventDefinition errorRef="e" /></boundaryEvent>
                    <sequenceFlow id="f2" sourceRef="late" targetRef="end" />
                    <sequenceFlow id="f3" sourceRef="bounced" targetRef="end" />
                    <sequenceFlow id="f4" sourceRef="notify" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                  <error id="e" errorCode="BOUNCED" />
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
    }
}
