package io.ferry.bpmn;

import io.ferry.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One executable process as read from the XML, with the problems found in it so far. */
final class ParsedProcess {

    private final String resource;
    private final String id;
    private final String name;
    private final String version;
    private final SourcePosition position;
    private final List<ParsedNode> nodes = new ArrayList<>();
    private final List<ParsedFlow> flows = new ArrayList<>();
    private final List<RejectedElement> rejected = new ArrayList<>();
    private final List<BpmnProblem> problems = new ArrayList<>();
    private final Map<String, SourcePosition> positionById = new HashMap<>();

    ParsedProcess(String resource, String id, String name, String version, SourcePosition position) {
        this.resource = resource;
        this.id = id;
        this.name = name;
        this.version = version;
        this.position = position;
    }

    String resource() { return resource; }
    String id() { return id; }
    String name() { return name; }
    String version() { return version; }
    SourcePosition position() { return position; }
    List<ParsedNode> nodes() { return nodes; }
    List<ParsedFlow> flows() { return flows; }
    List<RejectedElement> rejected() { return rejected; }
    List<BpmnProblem> problems() { return problems; }

    void problem(SourcePosition problemPosition, String elementId, String message) {
        problems.add(new BpmnProblem(resource, problemPosition, elementId, message));
    }

    /**
     * Records an element id and reports it if already used. The duplicate stays in the model so
     * that the checks after it raise no second, misleading problem.
     */
    void checkUniqueId(String elementId, SourcePosition elementPosition) {
        SourcePosition first = positionById.putIfAbsent(elementId, elementPosition);
        if (first != null) {
            problem(elementPosition, elementId, String.format(BpmnMessages.DUPLICATE_ID, first.line()));
        }
    }

    ParsedNode node(String nodeId) {
        return nodes.stream().filter(node -> node.id().equals(nodeId)).findFirst().orElse(null);
    }

    boolean isRejected(String elementId) {
        return rejected.stream().anyMatch(element -> element.id().equals(elementId));
    }

    List<ParsedFlow> outgoing(String nodeId) {
        return flows.stream().filter(flow -> nodeId.equals(flow.sourceRef())).toList();
    }

    List<ParsedFlow> incoming(String nodeId) {
        return flows.stream().filter(flow -> nodeId.equals(flow.targetRef())).toList();
    }
}
