package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A field of the wrong shape is reported with its line and column. */
class PlanWithWrongTypeTest {

    private static final String PLAN = """
            process: order
            from: 1
            to: 2
            nodes:
              - approve
              - review
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:5:3: 'nodes' must be a mapping from old node id to new node id, not a \
                    list"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
