package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two plans for the same old version would make the migration of its instances ambiguous. */
class PlanLeavingVersionTwiceTest {

    private static final String PLAN = """
            process: order
            from: 1
            to: 2
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2-approval.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:2:7: plan leaves version 1 of process 'order', which \
                    plans/order-1-to-2-approval.yaml already leaves; one plan per version: merge the two plans or fix \
                    'from'"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
