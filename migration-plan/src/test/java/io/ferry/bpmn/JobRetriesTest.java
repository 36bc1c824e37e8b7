package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.NodeDetails;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A service task's attempts and first delay, as Ferry, Camunda 8 and Camunda 7 modelers write them. */
class JobRetriesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ferry:retries="5" ferry:retryBackoff="PT2S" | | 5 | PT2S
            ferry:retries="5" | | 5 |
            ferry:retryBackoff="PT0.5S" | | | PT0.5S
            | <zeebe:taskDefinition type="pay" retries="4" /> | 4 |
            | <camunda:failedJobRetryTimeCycle>R3/PT10M</camunda:failedJobRetryTimeCycle> | 3 | PT10M
            ferry:retries="2" | <zeebe:taskDefinition type="pay" retries="4" /> | 2 |
            ferry:retryBackoff="PT1S" | <camunda:failedJobRetryTimeCycle> R6/PT5M </camunda:failedJobRetryTimeCycle> | 6 | PT1S
            | | |
            """)
    void readsAttemptsAndFirstDelay(String attributes, String extension, Integer retries, String backoff) {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <serviceTask id="pay" ferry:handler="pay" %s><extensionElements>%s</extensionElements></serviceTask>
                  </process>
                </definitions>
                """.formatted(attributes == null ? "" : attributes, extension == null ? "" : extension));

        assertThat(result.problems()).isEmpty();
        NodeDetails.ServiceTask task = result.definitions().get(0).requireNode("pay").details(NodeDetails.ServiceTask.class);
        assertThat(task.retries()).isEqualTo(retries);
        assertThat(task.retryBackoff()).isEqualTo(backoff == null ? null : Duration.parse(backoff));
    }

    @Test
    void settingsFerryCannotReadAreBuildErrorsOnTheirLine() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <serviceTask id="a" ferry:handler="a" ferry:retries="0" />
                    <serviceTask id="b" ferry:handler="b" ferry:retries="three" ferry:retryBackoff="1s" />
                    <serviceTask id="c" ferry:handler="c" ferry:retryBackoff="P2D" ferry:timeout="30s" />
                    <serviceTask id="d"><extensionElements>
                      <zeebe:taskDefinition type="d" retries="=retries" />
                    </extensionElements></serviceTask>
                    <serviceTask id="e" ferry:handler="e"><extensionElements>
                      <camunda:failedJobRetryTimeCycle>PT5M,PT10M</camunda:failedJobRetryTimeCycle>
                    </extensionElements></serviceTask>
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:5 [a] ferry:retries=\"0\" is not a number of attempts: write a whole number from 1 to 1000 "
                        + "(attempts in all, the first one included)",
                "order.bpmn:5:5 [b] ferry:retries=\"three\" is not a number of attempts: write a whole number from 1 to 1000 "
                        + "(attempts in all, the first one included)",
                "order.bpmn:5:5 [b] ferry:retryBackoff=\"1s\" is not a delay: write an ISO-8601 duration of at least a "
                        + "millisecond and at most a day, such as PT1S or PT5M",
                "order.bpmn:6:5 [c] ferry:retryBackoff=\"P2D\" is not a delay: write an ISO-8601 duration of at least a "
                        + "millisecond and at most a day, such as PT1S or PT5M",
                "order.bpmn:6:5 [c] ferry:timeout=\"30s\" is not a time limit: write an ISO-8601 duration of at least a "
                        + "millisecond and at most a day, such as PT30S or PT10M",
                "order.bpmn:8:7 [d] zeebe:taskDefinition retries=\"=retries\" is not a number of attempts: write a whole "
                        + "number from 1 to 1000 (attempts in all, the first one included)",
                "order.bpmn:11:7 [e] camunda:failedJobRetryTimeCycle 'PT5M,PT10M' is not a retry cycle Ferry reads: write "
                        + "R<attempts>/<ISO-8601 duration>, such as R3/PT10S");
    }

    @Test
    void aTaskMayLimitHowLongOneCallTakes() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <serviceTask id="pay" ferry:handler="pay" ferry:timeout="PT30S" />
                    <serviceTask id="ship" ferry:handler="ship" />
                  </process>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().get(0).requireNode("pay").details(NodeDetails.ServiceTask.class).timeout())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(result.definitions().get(0).requireNode("ship").details(NodeDetails.ServiceTask.class).timeout()).isNull();
    }
}
