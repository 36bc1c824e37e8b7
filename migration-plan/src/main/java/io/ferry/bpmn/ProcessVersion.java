package io.ferry.bpmn;

import java.util.Objects;
import java.util.stream.Stream;

/** Finds a process's version among the attributes modelers write; the order is documented on {@link BpmnReader}. */
final class ProcessVersion {

    private ProcessVersion() {
    }

    /** The version, or null when the process declares none. */
    static String of(XmlCursor.Attributes process) {
        return Stream.of(
                        process.get(BpmnNamespaces.FERRY, "version"),
                        process.get(BpmnNamespaces.DROOLS, "version"),
                        process.get(BpmnNamespaces.CAMUNDA, "versionTag"))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
