package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusUnitTest;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Maven prints the build's log above its "Failed to execute goal … threw an exception", so the problems
 * are logged as errors first, one line each, and then the tool's command that checks the same files in a
 * second; the exception still carries the whole report.
 */
class BrokenBpmnLoggedBeforeTheStackTest {

    private static final String REFUND = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="refund" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="toPay" sourceRef="start" targetRef="payRefnd"/>
                <userTask id="payRefund"/>
                <sequenceFlow id="done" sourceRef="payRefund" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;
    private static final String PROBLEM = "processes/refund.bpmn:6:5 [toPay] targetRef 'payRefnd' names no flow node of the "
            + "process: connect the sequence flow to a node";

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app.addAsResource(new StringAsset(REFUND), "processes/refund.bpmn"))
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.ferry.build"))
            .assertLogRecords(records -> {
                assertThat(records).allMatch(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());
                // The test's log manager marks what is logged while the failed application shuts down; Maven's does not.
                assertThat(records).extracting(BrokenBpmnLoggedBeforeTheStackTest::formatted).containsExactly(PROBLEM,
                        "Ferry found 1 problem in the process definitions; check the files again in a second, without a build: "
                                + "migration-plan/ferry-plan validate plans --definitions src/main/resources/processes");
            })
            .assertException(failsWith("Ferry found 1 problem in the process definitions:\n  - " + PROBLEM));

    private static String formatted(LogRecord record) {
        String message = record.getParameters() == null ? record.getMessage() : String.format(record.getMessage(), record.getParameters());
        return message.replace(" [Error Occurred After Shutdown]", "");
    }

    @Test
    void theBuildFails() {
        // the extension asserts the log and the failure
    }
}
