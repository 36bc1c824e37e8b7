package io.ferry.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable, executable form of one BPMN process, built once at build time.
 *
 * @param resource the classpath resource the process was read from (for messages and the BPMN download)
 */
public final class ProcessDefinition {

    private final String id;
    private final String name;
    private final String version;
    private final String resource;
    private final List<Node> nodes;
    private final List<SequenceFlow> flows;
    private final Map<String, Node> nodesById = new LinkedHashMap<>();
    private final Map<String, SequenceFlow> flowsById = new LinkedHashMap<>();

    @JsonCreator
    public ProcessDefinition(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("version") String version,
            @JsonProperty("resource") String resource,
            @JsonProperty("nodes") List<Node> nodes,
            @JsonProperty("flows") List<SequenceFlow> flows) {
        this.id = id;
        this.name = name;
        this.version = version;
        this.resource = resource;
        this.nodes = List.copyOf(nodes);
        this.flows = List.copyOf(flows);
        nodes.forEach(node -> nodesById.put(node.id(), node));
        flows.forEach(flow -> flowsById.put(flow.id(), flow));
    }

    @JsonProperty public String id() { return id; }
    @JsonProperty public String name() { return name; }
    @JsonProperty public String version() { return version; }
    @JsonProperty public String resource() { return resource; }
    @JsonProperty public List<Node> nodes() { return nodes; }
    @JsonProperty public List<SequenceFlow> flows() { return flows; }

    public Optional<Node> node(String nodeId) {
        return Optional.ofNullable(nodesById.get(nodeId));
    }

    public Optional<SequenceFlow> flow(String flowId) {
        return Optional.ofNullable(flowsById.get(flowId));
    }

    /** The node with this id; the caller knows it exists because the model was checked at build time. */
    @JsonIgnore
    public Node requireNode(String nodeId) {
        Node node = nodesById.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("Process '" + id + "' version " + version + " has no node '" + nodeId + "'");
        }
        return node;
    }

    @JsonIgnore
    public SequenceFlow requireFlow(String flowId) {
        SequenceFlow flow = flowsById.get(flowId);
        if (flow == null) {
            throw new IllegalArgumentException("Process '" + id + "' version " + version + " has no sequence flow '" + flowId + "'");
        }
        return flow;
    }

    /** The none start events of a scope: the process (scopeId null) or an embedded sub-process. */
    public List<Node> startEvents(String scopeId) {
        return nodes.stream()
                .filter(node -> node.kind() == NodeKind.START_EVENT)
                .filter(node -> java.util.Objects.equals(node.scopeId(), scopeId))
                .toList();
    }

    @Override
    public String toString() {
        return "process '" + id + "' version " + version;
    }
}
