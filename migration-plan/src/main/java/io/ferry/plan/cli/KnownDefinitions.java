package io.ferry.plan.cli;

import io.ferry.bpmn.BpmnReadResult;
import io.ferry.bpmn.BpmnReader;
import io.ferry.definition.Node;
import io.ferry.definition.ProcessDefinition;
import io.ferry.release.ReleaseFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whatever versions of the processes the analyst passed, old ones too, looked up by process and
 * version: where the tool only needs names and kinds, any version helps.
 */
final class KnownDefinitions {

    static final KnownDefinitions NONE = new KnownDefinitions(List.of());

    private final Map<String, ProcessDefinition> byProcessAndVersion = new LinkedHashMap<>();

    private KnownDefinitions(List<ProcessDefinition> definitions) {
        definitions.forEach(definition -> byProcessAndVersion.putIfAbsent(key(definition.id(), definition.version()), definition));
    }

    /** Reads the files; a file with problems fails the command with all of them, one per line. */
    static KnownDefinitions read(List<ReleaseFile> files) {
        List<ProcessDefinition> definitions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ReleaseFile file : files) {
            BpmnReadResult result = BpmnReader.read(file.name(), file.content());
            result.problems().forEach(problem -> problems.add(problem.toString()));
            definitions.addAll(result.definitions());
        }
        if (!problems.isEmpty()) {
            throw CommandFailure.problem(String.join(System.lineSeparator(), problems));
        }
        return new KnownDefinitions(definitions);
    }

    Optional<ProcessDefinition> find(String processId, String version) {
        return Optional.ofNullable(byProcessAndVersion.get(key(processId, version)));
    }

    Optional<Node> node(String processId, String version, String nodeId) {
        return find(processId, version).flatMap(definition -> definition.node(nodeId));
    }

    /** The process's name where some version of it has one. */
    Optional<String> processName(String processId) {
        return byProcessAndVersion.values().stream()
                .filter(definition -> definition.id().equals(processId) && definition.name() != null && !definition.name().isBlank())
                .map(ProcessDefinition::name)
                .findFirst();
    }

    private static String key(String processId, String version) {
        return processId + "\u0000" + version;
    }
}
