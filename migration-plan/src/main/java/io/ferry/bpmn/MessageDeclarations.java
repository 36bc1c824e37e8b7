package io.ferry.bpmn;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <message>} elements of a file and the message events that name them. A message may be
 * declared after the process that waits for it, so message events are read with their reference and
 * resolved once the whole file is read: the message's name, and the correlation key the event or the
 * message declares (Ferry's {@code ferry:correlationKey="${orderId}"} on either, or Camunda 8's
 * {@code <zeebe:subscription correlationKey="=orderId"/>} on the message).
 */
final class MessageDeclarations {

    /** {@code ${orderId}}, {@code #{order.id}}, {@code =orderId}, or the bare path. */
    private static final Pattern KEY = Pattern.compile(
            "^(?:[$#]\\{\\s*(?<wrapped>PATH)\\s*}|=\\s*(?<feel>PATH)|(?<bare>PATH))$".replace("PATH",
                    "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*"));

    /** A {@code <message>} as declared. */
    record Declared(String name, String correlationKey, SourcePosition position) {
    }

    /** A message event or receive task waiting for its reference to be resolved. */
    record Waiting(ParsedProcess process, String nodeId, String messageRef, String correlationKey, SourcePosition position,
            String attachedToId, boolean interrupting) {
    }

    private final Map<String, Declared> declared = new HashMap<>();
    private final List<Waiting> waiting = new ArrayList<>();

    void declare(String id, Declared message) {
        declared.put(id, message);
    }

    void waitFor(Waiting node) {
        waiting.add(node);
    }

    /** Gives every waiting node its message, or reports why it has none; a node with a problem is rejected. */
    void resolve() {
        for (Waiting node : waiting) {
            int position = position(node);
            ParsedNode parsed = node.process().nodes().get(position);
            NodeDetails.Message message = message(node, parsed);
            if (message == null) {
                node.process().nodes().remove(position);
                node.process().rejected().add(new RejectedElement(parsed.id(), parsed.kind().bpmnElement(), parsed.scopeId()));
                continue;
            }
            NodeDetails details = parsed.kind() == NodeKind.BOUNDARY_MESSAGE_EVENT
                    ? new NodeDetails.BoundaryMessage(node.attachedToId(), node.interrupting(), message) : message;
            node.process().nodes().set(position, new ParsedNode(parsed.id(), parsed.name(), parsed.kind(),
                    parsed.scopeId(), parsed.defaultFlowId(), details, parsed.position()));
        }
    }

    /** Where the node is now: a sub-process is inserted before the nodes inside it once it is read whole. */
    private static int position(Waiting node) {
        List<ParsedNode> nodes = node.process().nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).id().equals(node.nodeId()) && nodes.get(i).details() instanceof NodeDetails.Message) {
                return i;
            }
        }
        throw new IllegalStateException("message node " + node.nodeId() + " is gone");
    }

    private NodeDetails.Message message(Waiting node, ParsedNode parsed) {
        Declared message = declared.get(node.messageRef());
        if (message == null) {
            node.process().problem(node.position(), parsed.id(), String.format(BpmnMessages.MESSAGE_UNKNOWN, node.messageRef(),
                    node.messageRef()));
            return null;
        }
        if (message.name() == null || message.name().isBlank()) {
            node.process().problem(message.position(), parsed.id(), String.format(BpmnMessages.MESSAGE_NAMELESS, node.messageRef()));
            return null;
        }
        String written = node.correlationKey() != null ? node.correlationKey() : message.correlationKey();
        if (parsed.kind() == NodeKind.MESSAGE_START_EVENT) {
            return new NodeDetails.Message(message.name(), null);
        }
        if (written == null || written.isBlank()) {
            node.process().problem(parsed.position(), parsed.id(), String.format(BpmnMessages.CORRELATION_KEY_MISSING,
                    parsed.kind().bpmnElement(), message.name()));
            return null;
        }
        String path = path(written);
        if (path == null) {
            node.process().problem(parsed.position(), parsed.id(), String.format(BpmnMessages.CORRELATION_KEY_INVALID, written.strip()));
            return null;
        }
        return new NodeDetails.Message(message.name(), path);
    }

    /** The variable path a correlation key names, or null when it is any other expression. */
    static String path(String written) {
        Matcher matcher = KEY.matcher(written.strip());
        if (!matcher.matches()) {
            return null;
        }
        for (String group : new String[] {"wrapped", "feel", "bare"}) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return null;
    }
}
