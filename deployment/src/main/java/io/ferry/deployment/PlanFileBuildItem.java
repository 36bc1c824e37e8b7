package io.ferry.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/** One migration-plan file of the application, from its plans directory or its classpath. */
public final class PlanFileBuildItem extends MultiBuildItem {

    private final String name;
    private final String content;

    public PlanFileBuildItem(String name, String content) {
        this.name = name;
        this.content = content;
    }

    public String name() {
        return name;
    }

    public String content() {
        return content;
    }
}
