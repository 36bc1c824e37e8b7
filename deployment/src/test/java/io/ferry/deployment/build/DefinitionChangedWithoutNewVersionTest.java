package io.ferry.deployment.build;

import static io.ferry.deployment.build.BuildFailures.failsWith;

import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lock file recorded version 1 of the process with a user task its instances wait at; the BPMN
 * renamed that task but kept version 1. Running instances would lose their place: the build fails
 * and says what changed and what to do, as {@code ferry-plan lock --check} does.
 */
class DefinitionChangedWithoutNewVersionTest {

    private static final String PLANS = "target/lock-check-plans";
    private static final String LOCK = """
            {
              "comment" : "written for this test",
              "processes" : [ {
                "process" : "order",
                "version" : "1",
                "hash" : "sha256:0000000000000000000000000000000000000000000000000000000000000000",
                "dependsOn" : [ "review userTask" ]
              } ]
            }
            """;
    private static final String ORDER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="order" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
                <userTask id="approve"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest build = withLockFile()
            .withApplicationRoot(app -> app.addAsResource(new StringAsset(ORDER), "processes/order.bpmn"))
            .overrideConfigKey("quarkus.ferry.plans-location", PLANS)
            .assertException(failsWith("""
                    Ferry found 1 problem in the definition lock:
                      - processes/order.bpmn: process 'order' is still version 1, but what its running instances \
                    depend on changed since target/lock-check-plans/ferry-plan.lock recorded it (gone: review userTask; \
                    new: approve userTask): bump the version and add a plan from version 1; if no instance of version 1 \
                    runs anywhere yet, run migration-plan/ferry-plan lock --force --definitions src/main/resources/processes \
                    --lock-file target/lock-check-plans/ferry-plan.lock"""));

    /** The lock file lives in the project directory, beside the plans; the build reads it from there. */
    private static QuarkusUnitTest withLockFile() {
        try {
            Path directory = Path.of(PLANS);
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("ferry-plan.lock"), LOCK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuarkusUnitTest();
    }

    @Test
    void theBuildFails() {
        // the extension asserts the failure
    }
}
