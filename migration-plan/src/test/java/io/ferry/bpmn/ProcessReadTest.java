package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.Node;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.SequenceFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessReadTest {

    private static final String ORDER = """
            <definitions>
              <process id="order" name="Order" ferry:version="3" isExecutable="true">
                <startEvent id="start" name="Order received"><outgoing>wrongFlowIdIgnored</outgoing></startEvent>
                <sequenceFlow id="toCheck" sourceRef="start" targetRef="check" />
                <exclusiveGateway id="check" default="toManual" />
                <sequenceFlow id="toAuto" name="small" sourceRef="check" targetRef="auto">
                  <conditionExpression xsi:type="tFormalExpression">${amount &lt; 100}</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="toManual" sourceRef="check" targetRef="review" />
                <serviceTask id="auto" ferry:handler="autoApprove" />
                <subProcess id="review">
                  <startEvent id="reviewStart" />
                  <userTask id="approve" />
                  <endEvent id="reviewEnd" />
                  <sequenceFlow id="toApprove" sourceRef="reviewStart" targetRef="approve" />
                  <sequenceFlow id="toReviewEnd" sourceRef="approve" targetRef="reviewEnd" />
                </subProcess>
                <sequenceFlow id="autoToJoin" sourceRef="auto" targetRef="join" />
                <sequenceFlow id="reviewToJoin" sourceRef="review" targetRef="join" />
                <parallelGateway id="join" />
                <sequenceFlow id="toEnd" sourceRef="join" targetRef="end" />
                <endEvent id="end"><terminateEventDefinition /></endEvent>
              </process>
            </definitions>
            """;

    @Test
    void readsTheProcessAttributes() {
        ProcessDefinition order = BpmnFiles.read(ORDER).definitions().get(0);

        assertThat(order.id()).isEqualTo("order");
        assertThat(order.name()).isEqualTo("Order");
        assertThat(order.version()).isEqualTo("3");
        assertThat(order.resource()).isEqualTo(BpmnFiles.RESOURCE);
    }

    @Test
    void readsNodesInDocumentOrderWithTheirFlowsFromSourceAndTargetRefs() {
        ProcessDefinition order = BpmnFiles.read(ORDER).definitions().get(0);

        assertThat(order.nodes()).extracting(Node::id)
                .containsExactly("start", "check", "auto", "review", "reviewStart", "approve", "reviewEnd", "join", "end");
        assertThat(order.requireNode("start")).isEqualTo(
                new Node("start", "Order received", NodeKind.START_EVENT, null, List.of(), List.of("toCheck"), null, NodeDetails.None.NONE));
        assertThat(order.requireNode("check").outgoing()).containsExactly("toAuto", "toManual");
        assertThat(order.requireNode("check").defaultFlowId()).isEqualTo("toManual");
        assertThat(order.requireNode("join").incoming()).containsExactly("autoToJoin", "reviewToJoin");
    }

    @Test
    void readsKindsScopesAndHandlers() {
        ProcessDefinition order = BpmnFiles.read(ORDER).definitions().get(0);

        assertThat(order.requireNode("auto").details(NodeDetails.ServiceTask.class).handler()).isEqualTo("autoApprove");
        assertThat(order.requireNode("review").kind()).isEqualTo(NodeKind.SUB_PROCESS);
        assertThat(order.requireNode("approve").kind()).isEqualTo(NodeKind.USER_TASK);
        assertThat(order.requireNode("approve").scopeId()).isEqualTo("review");
        assertThat(order.requireNode("end").kind()).isEqualTo(NodeKind.TERMINATE_END_EVENT);
        assertThat(order.startEvents("review")).extracting(Node::id).containsExactly("reviewStart");
    }

    @Test
    void keepsConditionsWithoutTheirWrapper() {
        ProcessDefinition order = BpmnFiles.read(ORDER).definitions().get(0);

        assertThat(order.requireFlow("toAuto")).isEqualTo(new SequenceFlow("toAuto", "small", "check", "auto", "amount < 100"));
        assertThat(order.requireFlow("toManual").condition()).isNull();
    }

    @Test
    void reportsNoProblem() {
        assertThat(BpmnFiles.problems(ORDER)).isEmpty();
    }

    @Test
    void nestedSubProcessesScopeTheirNodes() {
        ProcessDefinition order = BpmnFiles.read("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <subProcess id="outer">
                      <startEvent id="outerStart" />
                      <subProcess id="inner">
                        <startEvent id="innerStart" />
                        <sequenceFlow id="toInnerTask" sourceRef="innerStart" targetRef="innerTask" />
                        <manualTask id="innerTask" />
                      </subProcess>
                      <sequenceFlow id="toInner" sourceRef="outerStart" targetRef="inner" />
                    </subProcess>
                  </process>
                </definitions>
                """).definitions().get(0);

        assertThat(order.nodes()).extracting(Node::id, Node::scopeId).containsExactly(
                tuple("start", null), tuple("outer", null), tuple("outerStart", "outer"),
                tuple("inner", "outer"), tuple("innerStart", "inner"), tuple("innerTask", "inner"));
        assertThat(order.requireNode("inner").incoming()).containsExactly("toInner");
    }
}
