package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plan for a process the application does not run is a typo or a leftover. */
class PlanForUnknownProcessTest {

    private static final String PLAN = """
            process: invoice
            from: 1
            to: 2
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/invoice-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/invoice-1-to-2.yaml:1:10: plan for process 'invoice', which is not among the \
                    application's processes (order): fix 'process' or remove the plan"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
