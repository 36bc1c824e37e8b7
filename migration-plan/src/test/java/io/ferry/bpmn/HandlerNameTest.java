package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandlerNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ferry:handler="archive" | | archive
            | <zeebe:taskDefinition type="archive-job" /> | archive-job
            camunda:type="external" camunda:topic="archiver" | | archiver
            camunda:delegateExpression="${archiveService}" | | archiveService
            camunda:delegateExpression="#{archiveService}" | | archiveService
            camunda:class="com.acme.ArchiveDelegate" | | com.acme.ArchiveDelegate
            drools:serviceinterface="com.acme.Archive" drools:serviceoperation="store" | | com.acme.Archive#store
            ferry:handler="archive" camunda:class="com.acme.ArchiveDelegate" | <zeebe:taskDefinition type="archive-job" /> | archive
            camunda:topic="archiver" camunda:class="com.acme.ArchiveDelegate" | <zeebe:taskDefinition type="archive-job" /> | archive-job
            camunda:delegateExpression="${archiveService}" camunda:class="com.acme.A" | | archiveService
            """)
    void readsTheFirstHandlerFound(String attributes, String extension, String handler) {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <serviceTask id="archive" %s><extensionElements>%s</extensionElements></serviceTask>
                  </process>
                </definitions>
                """.formatted(attributes == null ? "" : attributes, extension == null ? "" : extension));

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().get(0).requireNode("archive").details(NodeDetails.ServiceTask.class).handler()).isEqualTo(handler);
    }

    /** Kogito writes a custom work item as a plain task; skipping it would silently skip its work. */
    @Test
    void aKogitoCustomWorkItemIsAServiceTaskRunByTheHandlerOfItsName() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <process id="onboarding" ferry:version="1">
                    <startEvent id="start" />
                    <task id="validate" name="Validate employee" drools:taskName="ValidateEmployee" />
                    <task id="plain" name="Nothing to run" />
                  </process>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().get(0).requireNode("validate").kind()).isEqualTo(NodeKind.SERVICE_TASK);
        assertThat(result.definitions().get(0).requireNode("validate").details(NodeDetails.ServiceTask.class).handler()).isEqualTo("ValidateEmployee");
        assertThat(result.definitions().get(0).requireNode("plain").kind()).isEqualTo(NodeKind.TASK);
    }

    @Test
    void aServiceTaskWithoutHandlerIsAnError() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <serviceTask id="archive" camunda:expression="${archiver.store()}" drools:serviceinterface="com.acme.Archive" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:4:5 [archive] serviceTask names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean");
    }
}
