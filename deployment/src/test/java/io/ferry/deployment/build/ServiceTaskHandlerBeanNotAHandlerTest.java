package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.serviceTaskCalling;

import io.ferry.service.ServiceTask;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bean carries the handler's name but does not implement the handler interface: the workers could not call it. */
class ServiceTaskHandlerBeanNotAHandlerTest {

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addClasses(CardCharger.class)
                    .addAsResource(new StringAsset(serviceTaskCalling("payment", "chargeCard")), "processes/payment.bpmn"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the service task handlers:
                      - processes/payment.bpmn:7:5 [charge] serviceTask calls handler 'chargeCard', but bean \
                    io.ferry.deployment.build.ServiceTaskHandlerBeanNotAHandlerTest$CardCharger, annotated \
                    @ServiceTask("chargeCard"), does not implement io.ferry.service.ServiceTaskHandler; implement it"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }

    @ApplicationScoped
    @ServiceTask("chargeCard")
    public static class CardCharger {

        public void charge() {
            // not a ServiceTaskHandler
        }
    }
}
