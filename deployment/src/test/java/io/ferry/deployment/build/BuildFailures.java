package io.ferry.deployment.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.deployment.FerryBuildException;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import java.util.Map;
import java.util.function.Consumer;

/** Shared assertion of build-failure tests: the build failed with Ferry's report, worded exactly. */
public final class BuildFailures {

    private BuildFailures() {
    }

    public static Consumer<Throwable> failsWith(String expectedMessage) {
        return thrown -> {
            Throwable cause = thrown;
            while (cause != null && !(cause instanceof FerryBuildException)) {
                cause = cause.getCause();
            }
            assertThat(cause).as("a FerryBuildException in %s", thrown).isNotNull();
            assertThat(cause.getMessage()).isEqualTo(expectedMessage);
        };
    }

    /** A minimal valid process with the given id and version, for tests that need a second file. */
    public static String process(String id, String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
                  <process id="%s" isExecutable="true" ferry:version="%s">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(id, version);
    }

    /** Process {@code id} whose service task 'charge' (line 7, column 5) calls the handler {@code handler}. */
    public static String serviceTaskCalling(String id, String handler) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
                  <process id="%s" isExecutable="true" ferry:version="1">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="charge"/>
                    <serviceTask id="charge" ferry:handler="%s"/>
                    <sequenceFlow id="f2" sourceRef="charge" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """.formatted(id, handler);
    }

    /** A handler that does nothing, for tests about how handler beans are found; add it to the application too. */
    public abstract static class DoesNothing implements ServiceTaskHandler {

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) {
            return Map.of();
        }
    }
}
