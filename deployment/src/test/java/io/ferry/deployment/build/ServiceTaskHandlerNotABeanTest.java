package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.serviceTaskCalling;

import io.ferry.deployment.build.BuildFailures.DoesNothing;
import io.ferry.service.ServiceTask;
import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler class carries the name but no scope: the container never creates it, so the build says so. */
class ServiceTaskHandlerNotABeanTest {

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addClasses(CardCharger.class, DoesNothing.class)
                    .addAsResource(new StringAsset(serviceTaskCalling("payment", "chargeCard")), "processes/payment.bpmn"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the service task handlers:
                      - processes/payment.bpmn:7:5 [charge] serviceTask calls handler 'chargeCard', but \
                    io.ferry.deployment.build.ServiceTaskHandlerNotABeanTest$CardCharger, annotated \
                    @ServiceTask("chargeCard"), is not a bean, so nothing creates it; annotate it @ApplicationScoped"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }

    @ServiceTask("chargeCard")
    public static class CardCharger extends DoesNothing {
    }
}
