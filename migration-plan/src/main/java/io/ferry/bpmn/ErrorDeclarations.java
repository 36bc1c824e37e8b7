package io.ferry.bpmn;

import io.ferry.definition.NodeDetails;
import io.ferry.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <error>} elements of a file and the error events that name them; like messages, an error
 * may be declared after the process, so error events are resolved once the whole file is read.
 */
final class ErrorDeclarations {

    /** An error event waiting for its reference to be resolved; {@code errorRef} null: a boundary event catching any error. */
    record Waiting(ParsedProcess process, String nodeId, String errorRef, SourcePosition position) {
    }

    private final Map<String, String> codes = new HashMap<>();
    private final List<Waiting> waiting = new ArrayList<>();

    void declare(String id, String errorCode) {
        codes.put(id, errorCode);
    }

    void waitFor(Waiting node) {
        waiting.add(node);
    }

    /** Gives every waiting node its error code, or reports why it has none; a node with a problem is rejected. */
    void resolve() {
        for (Waiting node : waiting) {
            List<ParsedNode> nodes = node.process().nodes();
            int position = -1;
            for (int i = nodes.size() - 1; i >= 0 && position < 0; i--) {
                if (nodes.get(i).id().equals(node.nodeId())) {
                    position = i;
                }
            }
            ParsedNode parsed = nodes.get(position);
            String code = null;
            if (node.errorRef() != null) {
                if (!codes.containsKey(node.errorRef())) {
                    node.process().problem(node.position(), parsed.id(), String.format(BpmnMessages.ERROR_UNKNOWN, node.errorRef(),
                            node.errorRef()));
                } else {
                    code = codes.get(node.errorRef());
                }
            }
            NodeDetails details;
            if (parsed.details() instanceof NodeDetails.BoundaryError boundary) {
                details = node.errorRef() != null && code == null ? null : new NodeDetails.BoundaryError(boundary.attachedToId(), code);
            } else if (code == null || code.isBlank()) {
                if (node.errorRef() == null || codes.containsKey(node.errorRef())) {
                    node.process().problem(node.position(), parsed.id(), BpmnMessages.ERROR_WITHOUT_CODE);
                }
                details = null;
            } else {
                details = new NodeDetails.Error(code);
            }
            if (details == null) {
                nodes.remove(position);
                node.process().rejected().add(new RejectedElement(parsed.id(), parsed.kind().bpmnElement(), parsed.scopeId()));
            } else {
                nodes.set(position, new ParsedNode(parsed.id(), parsed.name(), parsed.kind(), parsed.scopeId(),
                        parsed.defaultFlowId(), details, parsed.position()));
            }
        }
    }
}
