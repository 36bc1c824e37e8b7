package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.serviceTaskCalling;

import io.ferry.deployment.build.BuildFailures.DoesNothing;
import io.ferry.service.ServiceTask;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two beans answer to one handler name: the workers could call neither, so the build names both. */
class ServiceTaskWithTwoHandlerBeansTest {

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addClasses(CardCharger.class, LegacyCardCharger.class, DoesNothing.class)
                    .addAsResource(new StringAsset(serviceTaskCalling("payment", "chargeCard")), "processes/payment.bpmn"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the service task handlers:
                      - processes/payment.bpmn:7:5 [charge] serviceTask calls handler 'chargeCard', but 2 beans are \
                    annotated @ServiceTask("chargeCard"): io.ferry.deployment.build.ServiceTaskWithTwoHandlerBeansTest$CardCharger, \
                    io.ferry.deployment.build.ServiceTaskWithTwoHandlerBeansTest$LegacyCardCharger; keep one, or give the \
                    others names of their own"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }

    @ApplicationScoped
    @ServiceTask("chargeCard")
    public static class CardCharger extends DoesNothing {
    }

    @ApplicationScoped
    @ServiceTask("chargeCard")
    public static class LegacyCardCharger extends DoesNothing {
    }
}
