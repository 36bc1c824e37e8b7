package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the next plan of a chain cannot be read, the plan before it does not lead nowhere: it leads
 * to the broken file, and the build says so rather than sending the analyst to fix the good plan.
 */
class PlanLeadingToUnreadablePlanTest {

    private static final String GOOD = """
            process: order
            from: 1
            to: 2
            nodes:
              approveOrder: approve
            """;

    private static final String BROKEN = """
            process: order
            from: 2
            to: 3
            nodes:
              approve: reviewOrder
                oldJoin: join
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "3")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(GOOD), "plans/order-1-to-2.yaml")
                    .addAsResource(new StringAsset(BROKEN), "plans/order-2-to-3.yaml"))
            .assertException(failsWith("""
                    Ferry found 2 problems in the migration plans:
                      - plans/order-1-to-2.yaml:3:5: plan leads to version 2 of process 'order', which is neither the \
                    current version 3 nor left by another plan that could be read (plans/order-2-to-3.yaml could not \
                    be read): fix that first, as it may be the plan from version 2; otherwise fix 'to', or add a plan \
                    from version 2 towards the current version
                      - plans/order-2-to-3.yaml:6:12: not valid YAML: mapping values are not allowed here (this line is \
                    indented deeper than the key above it, or a value holds ': ' unquoted: align the key, or quote the \
                    value)"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
