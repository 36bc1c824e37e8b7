package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.SequenceFlow;
import io.ferry.expression.Condition;
import io.ferry.expression.InvalidConditionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A process definition made ready to run, once per definition at startup: conditions compiled,
 * start events found and, for every joining inclusive gateway, the nodes from which a token can
 * still reach it. The engine only ever looks things up here.
 */
public final class ExecutableProcess {

    private final ProcessDefinition definition;
    private final Map<String, Condition> conditionsByFlowId;
    private final Map<String, Node> startEventsByScope;
    private final Map<String, Set<String>> nodesReachingJoin;
    private final boolean callsServiceTasks;
    private final Map<String, List<Node>> boundaryTimersByActivity;
    private final Map<String, List<Node>> boundaryMessagesByActivity;
    private final Map<String, List<Node>> boundaryErrorsByActivity;

    private ExecutableProcess(
            ProcessDefinition definition,
            Map<String, Condition> conditionsByFlowId,
            Map<String, Node> startEventsByScope,
            Map<String, Set<String>> nodesReachingJoin) {
        this.definition = definition;
        this.conditionsByFlowId = conditionsByFlowId;
        this.startEventsByScope = startEventsByScope;
        this.nodesReachingJoin = nodesReachingJoin;
        this.callsServiceTasks = definition.nodes().stream().anyMatch(node -> node.kind().stateHeld() == NodeKind.StateHeld.JOB);
        this.boundaryTimersByActivity = definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.BOUNDARY_TIMER_EVENT)
                .collect(Collectors.groupingBy(node -> node.details(NodeDetails.BoundaryTimer.class).attachedToId(),
                        Collectors.toUnmodifiableList()));
        this.boundaryMessagesByActivity = definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.BOUNDARY_MESSAGE_EVENT)
                .collect(Collectors.groupingBy(node -> node.details(NodeDetails.BoundaryMessage.class).attachedToId(),
                        Collectors.toUnmodifiableList()));
        this.boundaryErrorsByActivity = definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.BOUNDARY_ERROR_EVENT)
                .collect(Collectors.groupingBy(node -> node.details(NodeDetails.BoundaryError.class).attachedToId(),
                        Collectors.toUnmodifiableList()));
    }

    /**
     * Prepares a definition the build has checked.
     *
     * @throws IllegalArgumentException when a condition does not compile or a scope has no start
     *     event; the build rejects such definitions, so this means a bug in the build checks
     */
    public static ExecutableProcess of(ProcessDefinition definition) {
        return new ExecutableProcess(
                definition, compileConditions(definition), findStartEvents(definition), findNodesReachingJoins(definition));
    }

    public ProcessDefinition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    public String version() {
        return definition.version();
    }

    /** Whether it has service tasks (or other nodes run as jobs), whose jobs count against the job backlog's bound. */
    public boolean callsServiceTasks() {
        return callsServiceTasks;
    }

    /** The timer boundary events attached to an activity, in document order. */
    public List<Node> boundaryTimers(String activityId) {
        return boundaryTimersByActivity.getOrDefault(activityId, List.of());
    }

    /** The error boundary events attached to an activity, in document order. */
    public List<Node> boundaryErrors(String activityId) {
        return boundaryErrorsByActivity.getOrDefault(activityId, List.of());
    }

    /** The message boundary events attached to an activity, in document order. */
    public List<Node> boundaryMessages(String activityId) {
        return boundaryMessagesByActivity.getOrDefault(activityId, List.of());
    }

    /** Whether an instance can be started without a message (the process has a none start event). */
    public boolean startsWithoutMessage() {
        return startEventsByScope.get(null) != null;
    }

    /** The message start event a message of this name starts an instance at, if any. */
    public Optional<Node> messageStartEvent(String messageName) {
        return definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.MESSAGE_START_EVENT && node.scopeId() == null)
                .filter(node -> node.details(NodeDetails.Message.class).messageName().equals(messageName))
                .findFirst();
    }

    /** The names of the messages that start an instance. */
    public List<String> startMessages() {
        return definition.nodes().stream().filter(node -> node.kind() == NodeKind.MESSAGE_START_EVENT)
                .map(node -> node.details(NodeDetails.Message.class).messageName()).toList();
    }

    public Node node(String nodeId) {
        return definition.requireNode(nodeId);
    }

    public List<SequenceFlow> outgoing(Node node) {
        return node.outgoing().stream().map(definition::requireFlow).toList();
    }

    public Optional<Condition> condition(SequenceFlow flow) {
        return Optional.ofNullable(conditionsByFlowId.get(flow.id()));
    }

    /** The none start event of the process (null) or of an embedded sub-process (its node id). */
    public Node startEvent(String subProcessNodeId) {
        return startEventsByScope.get(subProcessNodeId);
    }

    /** Whether a token at this node, in the gateway's scope, can still arrive at the joining inclusive gateway. */
    public boolean canReach(String nodeId, String inclusiveGatewayId) {
        return nodesReachingJoin.getOrDefault(inclusiveGatewayId, Set.of()).contains(nodeId);
    }

    private static Map<String, Condition> compileConditions(ProcessDefinition definition) {
        Map<String, Condition> conditions = new HashMap<>();
        for (SequenceFlow flow : definition.flows()) {
            if (flow.condition() == null || Condition.unwrap(flow.condition()).isEmpty()) {
                continue;
            }
            try {
                conditions.put(flow.id(), Condition.compile(flow.condition()));
            } catch (InvalidConditionException e) {
                throw new IllegalArgumentException(
                        definition + ": condition of flow '" + flow.id() + "' does not compile: " + e.getMessage(), e);
            }
        }
        return Map.copyOf(conditions);
    }

    private static Map<String, Node> findStartEvents(ProcessDefinition definition) {
        Map<String, Node> startEvents = new HashMap<>();
        // A process may start only by message: then it has no none start event at process level.
        List<Node> processStarts = definition.startEvents(null);
        startEvents.put(null, processStarts.isEmpty() ? null : processStarts.get(0));
        definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.SUB_PROCESS)
                .forEach(subProcess -> startEvents.put(subProcess.id(), firstStartEvent(definition, subProcess.id())));
        return Collections.unmodifiableMap(startEvents);
    }

    // Several none start events in one scope are allowed by BPMN; like other engines we start at the first.
    private static Node firstStartEvent(ProcessDefinition definition, String scopeId) {
        List<Node> startEvents = definition.startEvents(scopeId);
        if (startEvents.isEmpty()) {
            String where = scopeId == null ? "at process level" : "in sub-process '" + scopeId + "'";
            throw new IllegalArgumentException(definition + " has no none start event " + where);
        }
        return startEvents.get(0);
    }

    private static Map<String, Set<String>> findNodesReachingJoins(ProcessDefinition definition) {
        Map<String, Set<String>> reaching = new HashMap<>();
        definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.INCLUSIVE_GATEWAY && node.incoming().size() > 1)
                .forEach(join -> reaching.put(join.id(), nodesReaching(definition, join)));
        return Map.copyOf(reaching);
    }

    // Walks the flows backwards; flows never cross a scope boundary, so this stays in the gateway's scope.
    // A boundary event has no incoming flow: a token reaches it from the task it is attached to.
    private static Set<String> nodesReaching(ProcessDefinition definition, Node join) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<Node> toVisit = new ArrayDeque<>(List.of(join));
        while (!toVisit.isEmpty()) {
            Node node = toVisit.pop();
            List<String> sources = new ArrayList<>();
            node.incoming().forEach(flowId -> sources.add(definition.requireFlow(flowId).sourceId()));
            if (node.details() instanceof NodeDetails.BoundaryTimer boundary) {
                sources.add(boundary.attachedToId());
            }
            for (String sourceId : sources) {
                if (reached.add(sourceId)) {
                    toVisit.push(definition.requireNode(sourceId));
                }
            }
        }
        return Set.copyOf(reached);
    }
}
