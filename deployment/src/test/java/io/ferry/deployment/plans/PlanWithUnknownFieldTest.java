package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A misspelt field is reported where it stands, not silently ignored. */
class PlanWithUnknownFieldTest {

    private static final String PLAN = """
            process: order
            form: 1
            to: 2
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 2 problems in the migration plans:
                      - plans/order-1-to-2.yaml:1:1: 'from' is missing: write the version instances leave
                      - plans/order-1-to-2.yaml:2:1: unknown field 'form' in the plan; the fields are: process, from, \
                    to, description, author, nodes, variables, timers, messages"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
