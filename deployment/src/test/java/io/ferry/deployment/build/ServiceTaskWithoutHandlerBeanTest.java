package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceTaskWithoutHandlerBeanTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="payment" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
                <serviceTask id="charge" ferry:handler="chargeCard"/>
                <sequenceFlow id="f2" sourceRef="charge" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addAsResource(new StringAsset(PROCESS), "processes/payment.bpmn"))
            .assertException(failsWith("""
                    Ferry found 1 problem in the process definitions:
                      - processes/payment.bpmn [charge]: serviceTask calls handler 'chargeCard', but no bean is \
                    annotated @ServiceTask("chargeCard"); add one that implements io.ferry.service.ServiceTaskHandler"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
