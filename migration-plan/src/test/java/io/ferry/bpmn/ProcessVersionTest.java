package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProcessVersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ferry:version="7"                                          | 7
            drools:version="1.0"                                       | 1.0
            camunda:versionTag="V2.0"                                  | V2.0
            ferry:version="7" drools:version="1.0" camunda:versionTag="V2.0" | 7
            drools:version="1.0" camunda:versionTag="V2.0"             | 1.0
            ferry:version=" " camunda:versionTag="V2.0"                | V2.0
            """)
    void readsTheFirstVersionAttributeFound(String attributes, String version) {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" %s><startEvent id="start" /></process>
                </definitions>
                """.formatted(attributes));

        assertThat(result.definitions().get(0).version()).isEqualTo(version);
    }

    @Test
    void aProcessWithoutVersionIsAnError() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order"><startEvent id="start" /></process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:2:3 [order] process has no version: add ferry:version=\"1\" to the process element"
                        + " (drools:version and camunda:versionTag are read too)");
    }
}
