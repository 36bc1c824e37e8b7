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
 * @param defaultFlowId the default flow of a gateway or activity, or null
 * @param details what only nodes of this kind have ({@link NodeKind#details()})
 */
public record Node(
        String id,
        String name,
        NodeKind kind,
        String scopeId,
        List<String> incoming,
        List<String> outgoing,
        String defaultFlowId,
        NodeDetails details) {

    public Node {
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
        if (!kind.details().isInstance(details)) {
            throw new IllegalArgumentException("Node '" + id + "' is a " + kind + ", whose details are "
                    + kind.details().getSimpleName() + ", but was given " + details);
        }
    }

    /** A node of a kind that needs no details. */
    public static Node plain(String id, String name, NodeKind kind, String scopeId, List<String> incoming,
            List<String> outgoing, String defaultFlowId) {
        return new Node(id, name, kind, scopeId, incoming, outgoing, defaultFlowId, NodeDetails.None.NONE);
    }

    /** The details of this node as the type its kind promises. */
    public <T extends NodeDetails> T details(Class<T> type) {
        return type.cast(details);
    }
}
