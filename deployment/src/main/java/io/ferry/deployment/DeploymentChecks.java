package io.ferry.deployment;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that span files or need the application's code, beyond what one BPMN file can say. */
final class DeploymentChecks {

    static final String DUPLICATE_PROCESS = "%s: process '%s' is also defined in %s; an image holds exactly one "
            + "version of each process (older versions live on as migration plans)";
    static final String MISSING_HANDLER = "%s [%s]: serviceTask calls handler '%s', but no bean is annotated "
            + "@ServiceTask(\"%s\"); add one that implements io.ferry.service.ServiceTaskHandler";

    private DeploymentChecks() {
    }

    static List<String> duplicateProcessIds(List<ProcessDefinition> definitions) {
        Map<String, ProcessDefinition> first = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            ProcessDefinition earlier = first.putIfAbsent(definition.id(), definition);
            if (earlier != null) {
                problems.add(DUPLICATE_PROCESS.formatted(definition.resource(), definition.id(), earlier.resource()));
            }
        }
        return problems;
    }

    static List<String> missingHandlers(List<ProcessDefinition> definitions, Set<String> handlerNames) {
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            for (Node node : definition.nodes()) {
                String handler = node.details() instanceof NodeDetails.ServiceTask task ? task.handler() : null;
                if (node.kind() == NodeKind.SERVICE_TASK && !handlerNames.contains(handler)) {
                    problems.add(MISSING_HANDLER.formatted(definition.resource(), node.id(), handler, handler));
                }
            }
        }
        return problems;
    }
}
