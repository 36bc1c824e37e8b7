package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.serviceTaskCalling;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceTaskWithoutHandlerBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addAsResource(new StringAsset(serviceTaskCalling("payment", "chargeCard")),
                    "processes/payment.bpmn"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the service task handlers:
                      - processes/payment.bpmn:7:5 [charge] serviceTask calls handler 'chargeCard', but no bean is \
                    annotated @ServiceTask("chargeCard"); add one that implements io.ferry.service.ServiceTaskHandler"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
