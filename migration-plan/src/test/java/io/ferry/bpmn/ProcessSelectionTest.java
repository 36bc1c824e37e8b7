package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.ProcessDefinition;
import org.junit.jupiter.api.Test;

class ProcessSelectionTest {

    @Test
    void readsEveryExecutableProcessOfAFileAndSkipsDocumentationPools() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <collaboration id="collaboration"><participant id="customer" processRef="customerPool" /></collaboration>
                  <message id="orderPlaced" name="orderPlaced" />
                  <process id="customerPool" isExecutable="false">
                    <intermediateCatchEvent id="waitForPizza" />
                  </process>
                  <process id="order" ferry:version="1"><startEvent id="orderStart" /></process>
                  <process id="refund" ferry:version="2" isExecutable="true"><startEvent id="refundStart" /></process>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions()).extracting(ProcessDefinition::toString)
                .containsExactly("process 'order' version 1", "process 'refund' version 2");
    }

    @Test
    void skipsWhatDoesNotRun() {
        BpmnReadResult result = BpmnFiles.read("""
                <definitions>
                  <itemDefinition id="item" />
                  <error id="failed" /><signal id="cancel" /><escalation id="late" />
                  <process id="order" ferry:version="1">
                    <documentation>Takes an order</documentation>
                    <extensionElements><camunda:properties /></extensionElements>
                    <property id="orderProperty" />
                    <ioSpecification id="io" />
                    <laneSet id="lanes"><lane id="sales"><flowNodeRef>start</flowNodeRef></lane></laneSet>
                    <startEvent id="start"><documentation>go</documentation><dataOutput id="out" /></startEvent>
                    <userTask id="approve">
                      <incoming>anything</incoming>
                      <potentialOwner><resourceAssignmentExpression /></potentialOwner>
                      <dataInputAssociation><sourceRef>x</sourceRef><targetRef>y</targetRef></dataInputAssociation>
                    </userTask>
                    <sequenceFlow id="toApprove" sourceRef="start" targetRef="approve"><extensionElements /></sequenceFlow>
                    <textAnnotation id="note"><text>Ask Bob</text></textAnnotation>
                    <association id="noteLink" sourceRef="note" targetRef="approve" />
                    <group id="group" />
                    <dataObject id="data" /><dataObjectReference id="dataRef" /><dataStoreReference id="storeRef" />
                    <camunda:somethingMisplaced />
                  </process>
                  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" /></bpmndi:BPMNDiagram>
                </definitions>
                """);

        assertThat(result.problems()).isEmpty();
        assertThat(result.definitions().get(0).nodes()).hasSize(2);
    }
}
