package io.ferry.plan.cli;

import io.ferry.definition.Node;
import java.util.Optional;

/** How the tool names a node to a person: {@code 'Review order' (reviewOrder)}, or the bare id when it has no name. */
final class NodeLabel {

    private NodeLabel() {
    }

    static String of(String nodeId, Optional<Node> node) {
        return node.map(NodeLabel::of).orElse(nodeId);
    }

    static String of(Node node) {
        String name = node.name() == null ? "" : node.name().strip().replaceAll("\\s+", " ");
        return name.isEmpty() ? node.id() : "'" + name + "' (" + node.id() + ")";
    }
}
