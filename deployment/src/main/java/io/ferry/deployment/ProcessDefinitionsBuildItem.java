package io.ferry.deployment;

import io.ferry.definition.ProcessDefinition;
import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;

/** The application's checked process definitions: exactly one version per process id. */
public final class ProcessDefinitionsBuildItem extends SimpleBuildItem {

    private final List<ProcessDefinition> definitions;

    public ProcessDefinitionsBuildItem(List<ProcessDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public List<ProcessDefinition> definitions() {
        return definitions;
    }
}
