package io.ferry.deployment.plans;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plan that is not YAML at all is reported with the line and column where reading stopped. */
class PlanWithBadYamlTest {

    private static final String PLAN = """
            process: order
            from: 1
              to: 2
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the migration plans:
                      - plans/order-1-to-2.yaml:3:5: not valid YAML: mapping values are not allowed here (this line is \
                    indented deeper than the key above it, or a value holds ': ' unquoted: align the key, or quote the \
                    value)"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
