package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plan that leaves the current version has no instance to migrate: most often the BPMN version was not raised. */
class PlanLeavingCurrentVersionTest {

    private static final String PLAN = """
            process: order
            from: 2
            to: 3
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-2-to-3.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-2-to-3.yaml:2:7: plan leaves version 2 of process 'order', which is the current \
                    version, so no instance needs it: fix 'from' or remove the plan"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
