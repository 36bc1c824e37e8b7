package io.ferry.deployment;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.ProcessDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks that need the application's code, beyond what the BPMN files can say (those that need only the
 * files are in {@link io.ferry.release}, shared with the analysts' tool).
 */
final class DeploymentChecks {

    static final String MISSING_HANDLER = "%s [%s]: %s calls handler '%s', but no bean is annotated "
            + "@ServiceTask(\"%s\"); add one that implements io.ferry.service.ServiceTaskHandler";

    private DeploymentChecks() {
    }

    static List<String> missingHandlers(List<ProcessDefinition> definitions, Set<String> handlerNames) {
        List<String> problems = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            for (Node node : definition.nodes()) {
                if (node.details() instanceof NodeDetails.ServiceTask task && !handlerNames.contains(task.handler())) {
                    problems.add(MISSING_HANDLER.formatted(definition.resource(), node.id(), node.kind().bpmnElement(),
                            task.handler(), task.handler()));
                }
            }
        }
        return problems;
    }
}
