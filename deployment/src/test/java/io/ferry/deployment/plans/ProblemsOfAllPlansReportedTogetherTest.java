package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An analyst fixing plans sees the reading and the checking problems of every plan file in one build. */
class ProblemsOfAllPlansReportedTogetherTest {

    private static final String MISSPELT = """
            process: order
            from: 1
            to: 2
            node:
              approve: review
            """;

    private static final String UNKNOWN_NODE = """
            process: order
            from: 2
            to: 3
            nodes:
              review: signOf
            """;

    private static final String UNKNOWN_PROCESS = """
            process: invoice
            from: 1
            to: 2
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "3")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(MISSPELT), "plans/order-1-to-2.yaml")
                    .addAsResource(new StringAsset(UNKNOWN_NODE), "plans/order-2-to-3.yaml")
                    .addAsResource(new StringAsset(UNKNOWN_PROCESS), "plans/invoice-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 3 problems in the migration plans:
                      - plans/invoice-1-to-2.yaml:1:10: plan for process 'invoice', which is not among the \
                    application's processes (order): fix 'process' or remove the plan
                      - plans/order-1-to-2.yaml:4:1: unknown field 'node' in the plan; the fields are: process, from, \
                    to, description, author, nodes, variables, timers, messages
                      - plans/order-2-to-3.yaml:5:3: node 'review' is mapped to 'signOf', which the current version 3 \
                    of process 'order' does not have: map it to a node of version 3"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
