package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A node mapped onto an id the current version does not have would strand instances. */
class PlanWithUnknownTargetNodeTest {

    private static final String PLAN = """
            process: order
            from: 1
            to: 2
            nodes:
              approve: reveiw
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:5:3: node 'approve' is mapped to 'reveiw', which the current version \
                    2 of process 'order' does not have: map it to a node of version 2"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
