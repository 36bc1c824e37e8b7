package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plan to a version no other plan leaves strands its instances short of the current version. */
class PlanEndingBeforeCurrentVersionTest {

    private static final String PLAN = """
            process: order
            from: 1
            to: 2
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "3")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:3:5: plan leads to version 2 of process 'order', which is neither the \
                    current version 3 nor left by another plan: fix 'to', or add a plan from version 2 towards the \
                    current version"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
