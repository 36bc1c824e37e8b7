package io.ferry.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.ExecutableProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current version of every process in this image, as the build recorded it. The image holds
 * exactly one version per process id; older versions exist only as migration plans.
 */
public final class DeployedProcesses {

    /** Where the deployment module writes the checked model. */
    public static final String RESOURCE = "META-INF/ferry/processes.json";
    private static final TypeReference<List<ProcessDefinition>> DEFINITIONS = new TypeReference<>() {
    };

    private final Map<String, ExecutableProcess> byId = new LinkedHashMap<>();

    public DeployedProcesses(List<ProcessDefinition> definitions) {
        definitions.forEach(definition -> byId.put(definition.id(), ExecutableProcess.of(definition)));
    }

    /** Reads the model the build recorded; the runtime never parses BPMN. */
    public static DeployedProcesses load(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new DeployedProcesses(List.of());
            }
            return new DeployedProcesses(new ObjectMapper().readValue(in, DEFINITIONS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recorded process model " + RESOURCE, e);
        }
    }

    public Optional<ExecutableProcess> find(String processId) {
        return Optional.ofNullable(byId.get(processId));
    }

    /**
     * The process an instance stored at this version runs on here: the deployed one, if it is at that version. An
     * instance of another version is migrated on load first, or refused.
     */
    public Optional<ExecutableProcess> at(String processId, String version) {
        return find(processId).filter(process -> process.version().equals(version));
    }

    public Collection<ExecutableProcess> all() {
        return byId.values();
    }
}
