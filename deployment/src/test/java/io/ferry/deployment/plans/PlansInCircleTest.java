package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Plans that lead back to where they started never bring an instance to the current version. */
class PlansInCircleTest {

    private static final String ONE_TO_TWO = """
            process: order
            from: 1
            to: 2
            """;

    private static final String TWO_TO_ONE = """
            process: order
            from: 2
            to: 1
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "3")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(ONE_TO_TWO), "plans/order-1-to-2.yaml")
                    .addAsResource(new StringAsset(TWO_TO_ONE), "plans/order-2-to-1.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:3:5: plans go round in a circle, version 1 → 2 → 1 of process 'order' \
                    (plans/order-1-to-2.yaml, plans/order-2-to-1.yaml), and never reach the current version 3: fix \
                    'to' in one of them"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
