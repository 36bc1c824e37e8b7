package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;

import io.quarkus.test.QuarkusUnitTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An analyst fixing a build sees every problem of every file at once, each with file, line, column and element. */
class ProblemsOfAllFilesReportedTogetherTest {

    private static final String UNVERSIONED_WITH_TIMER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
              <process id="claims" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                <userTask id="wait"/>
                <boundaryEvent id="late" attachedToRef="wait"/>
                <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private static final String GATEWAY_WITHOUT_DEFAULT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="loans" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="decide"/>
                <exclusiveGateway id="decide"/>
                <sequenceFlow id="yes" sourceRef="decide" targetRef="end"/>
                <sequenceFlow id="no" sourceRef="decide" targetRef="end"/>
                <sequenceFlow id="dangling" sourceRef="decide" targetRef="nowhere"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(UNVERSIONED_WITH_TIMER), "processes/claims.bpmn")
                    .addAsResource(new StringAsset(GATEWAY_WITHOUT_DEFAULT), "processes/loans.bpmn2"))
            .assertException(failsWith("""
                    Ferry found 4 problems in the process definitions:
                      - processes/claims.bpmn:3:3 [claims] process has no version: add ferry:version="1" to the process \
                    element (drools:version and camunda:versionTag are read too)
                      - processes/claims.bpmn:7:5 [late] boundaryEvent has no timer: add a timerEventDefinition holding \
                    a timeDate, timeDuration or timeCycle
                      - processes/loans.bpmn2:7:5 [decide] exclusive gateway has outgoing flows without conditions and \
                    no default flow: give 'yes', 'no', 'dangling' a condition, or make one of them the default flow
                      - processes/loans.bpmn2:10:5 [dangling] targetRef 'nowhere' names no flow node of the process: \
                    connect the sequence flow to a node"""));

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
