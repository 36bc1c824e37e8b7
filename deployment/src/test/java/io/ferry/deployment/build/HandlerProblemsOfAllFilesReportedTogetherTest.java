package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static io.ferry.deployment.build.BuildFailures.serviceTaskCalling;

import io.ferry.deployment.build.BuildFailures.DoesNothing;
import io.ferry.service.ServiceTask;
import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A developer fixing the handlers sees the problem of every file at once. */
class HandlerProblemsOfAllFilesReportedTogetherTest {

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addClasses(RefundIssuer.class, DoesNothing.class)
                    .addAsResource(new StringAsset(serviceTaskCalling("payment", "chargeCard")), "processes/payment.bpmn")
                    .addAsResource(new StringAsset(serviceTaskCalling("refund", "issueRefund")), "processes/refund.bpmn"))
            .assertException(failsWith("""
                    Ferry found 2 problems in the service task handlers:
                      - processes/payment.bpmn:7:5 [charge] serviceTask calls handler 'chargeCard', but no bean is \
                    annotated @ServiceTask("chargeCard"); add one that implements io.ferry.service.ServiceTaskHandler
                      - processes/refund.bpmn:7:5 [charge] serviceTask calls handler 'issueRefund', but \
                    io.ferry.deployment.build.HandlerProblemsOfAllFilesReportedTogetherTest$RefundIssuer, annotated \
                    @ServiceTask("issueRefund"), is not a bean, so nothing creates it; annotate it @ApplicationScoped"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }

    @ServiceTask("issueRefund")
    public static class RefundIssuer extends DoesNothing {
    }
}
