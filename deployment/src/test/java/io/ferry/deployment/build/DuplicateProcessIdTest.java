package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.process;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DuplicateProcessIdTest {

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "1")), "processes/order-v1.bpmn")
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order-v2.bpmn"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the process definitions:
                      - processes/order-v2.bpmn: process 'order' is also defined in processes/order-v1.bpmn; \
                    an image holds exactly one version of each process (older versions live on as migration plans)"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
