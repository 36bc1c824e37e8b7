package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A waiting user task cannot be moved onto an exclusive gateway: no instance can rest there. */
class PlanMappingOntoGatewayTest {

    private static final String ORDER_V2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="order" isExecutable="true" ferry:version="2">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="approved"/>
                <exclusiveGateway id="approved" default="f2"/>
                <sequenceFlow id="f2" sourceRef="approved" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private static final String PLAN = """
            process: order
            from: 1
            to: 2
            nodes:
              approve: approved
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(ORDER_V2), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:5:3: node 'approve' is mapped to 'approved' (a node of kind exclusiveGateway) in \
                    the current version 2 of process 'order'; no instance can wait there, because tokens only rest at \
                    user tasks, service tasks (with their jobs), timer and message catch events, receive tasks, joining \
                    gateways and sub-processes, and timers and message subscriptions at boundary events: map it to one \
                    of those"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
