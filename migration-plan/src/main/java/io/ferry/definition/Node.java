package io.ferry.definition;

import java.util.List;

/**
 * One flow node of an executable process.
 *
 * @param id the BPMN id, unique within the definition (the key migration plans map)
 * @param name the label shown in the modeler, or null
 * @param kind what the node does
 * @param scopeId the id of the enclosing embedded sub-process, or null at process level
 * @param incoming ids of the incoming sequence flows, in document order
 * @param outgoing ids of the outgoing sequence flows, in document order
 * @param defaultFlowId the gateway's default flow, or null
 * @param handler the service-task handler name ({@code @ServiceTask("name")}), or null
 */
public record Node(
        String id,
        String name,
        NodeKind kind,
        String scopeId,
        List<String> incoming,
        List<String> outgoing,
        String defaultFlowId,
        String handler) {

    public Node {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
    }
}
