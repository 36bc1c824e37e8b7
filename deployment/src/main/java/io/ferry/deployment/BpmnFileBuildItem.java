package io.ferry.deployment;

import io.quarkus.builder.item.MultiBuildItem;

/** One BPMN file of the application, as found on its classpath. */
public final class BpmnFileBuildItem extends MultiBuildItem {

    private final String resource;
    private final byte[] content;

    public BpmnFileBuildItem(String resource, byte[] content) {
        this.resource = resource;
        this.content = content;
    }

    public String resource() {
        return resource;
    }

    public byte[] content() {
        return content;
    }
}
