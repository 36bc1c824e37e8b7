package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayCheckTest {

    @Test
    void anExclusiveGatewayWithUnconditionalFlowsNeedsADefault() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="toDecide" sourceRef="start" targetRef="approveOrder" />
                    <exclusiveGateway id="approveOrder" />
                    <sequenceFlow id="yes" sourceRef="approveOrder" targetRef="end"><conditionExpression>${approved}</conditionExpression></sequenceFlow>
                    <sequenceFlow id="no" sourceRef="approveOrder" targetRef="end" />
                    <sequenceFlow id="maybe" sourceRef="approveOrder" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:5:5 [approveOrder] exclusive gateway has outgoing flows without conditions and no default flow:"
                + " give 'no', 'maybe' a condition, or make one of them the default flow");
    }

    @Test
    void anInclusiveGatewayNeedsConditionsBesidesItsDefault() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="toSplit" sourceRef="start" targetRef="notify" />
                    <inclusiveGateway id="notify" default="byMail" />
                    <sequenceFlow id="bySms" sourceRef="notify" targetRef="end" />
                    <sequenceFlow id="byMail" sourceRef="notify" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:5:5 [notify] inclusive gateway has outgoing flows without conditions besides its default flow:"
                + " give 'bySms' a condition");
    }

    @Test
    void theDefaultMustBeAnOutgoingFlow() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="toDecide" sourceRef="start" targetRef="decide" />
                    <exclusiveGateway id="decide" default="toDecide" />
                    <sequenceFlow id="yes" sourceRef="decide" targetRef="end"><conditionExpression>${approved}</conditionExpression></sequenceFlow>
                    <sequenceFlow id="no" sourceRef="decide" targetRef="end"><conditionExpression>${!approved}</conditionExpression></sequenceFlow>
                    <endEvent id="end" default="yes" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:5:5 [decide] default flow 'toDecide' is not an outgoing sequence flow of this element: name one of 'yes', 'no'",
                "order.bpmn:8:5 [end] default flow 'yes' is not an outgoing sequence flow of this element: name one of its outgoing flows (it has none)");
    }

    @Test
    void aGatewayWithOneUnconditionalFlowOrParallelFlowsIsFine() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="toMerge" sourceRef="start" targetRef="merge" />
                    <exclusiveGateway id="merge" />
                    <sequenceFlow id="toFork" sourceRef="merge" targetRef="fork" />
                    <parallelGateway id="fork" />
                    <sequenceFlow id="left" sourceRef="fork" targetRef="end" />
                    <sequenceFlow id="right" sourceRef="fork" targetRef="end" />
                    <endEvent id="end" />
                  </process>
                </definitions>
                """)).isEmpty();
    }
}
