package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.SequenceFlow;
import io.ferry.definition.TimerDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds small process definitions for tests, nodes and flows in document order:
 * {@code process("order").start("start").userTask("approve").end("end").chain("start", "approve", "end").build()}.
 */
final class ProcessBuilder {

    private record PendingNode(String id, NodeKind kind, String scopeId, NodeDetails details) {
    }

    private final String id;
    private final Map<String, PendingNode> nodes = new LinkedHashMap<>();
    private final List<SequenceFlow> flows = new ArrayList<>();
    private final Map<String, String> defaultFlows = new LinkedHashMap<>();
    private String currentScope;

    private ProcessBuilder(String id) {
        this.id = id;
    }

    static ProcessBuilder process(String id) {
        return new ProcessBuilder(id);
    }

    ProcessBuilder start(String nodeId) { return node(nodeId, NodeKind.START_EVENT, NodeDetails.None.NONE); }
    ProcessBuilder end(String nodeId) { return node(nodeId, NodeKind.END_EVENT, NodeDetails.None.NONE); }
    ProcessBuilder terminateEnd(String nodeId) { return node(nodeId, NodeKind.TERMINATE_END_EVENT, NodeDetails.None.NONE); }
    ProcessBuilder task(String nodeId) { return node(nodeId, NodeKind.TASK, NodeDetails.None.NONE); }
    ProcessBuilder manualTask(String nodeId) { return node(nodeId, NodeKind.MANUAL_TASK, NodeDetails.None.NONE); }
    ProcessBuilder userTask(String nodeId) { return node(nodeId, NodeKind.USER_TASK, NodeDetails.None.NONE); }
    ProcessBuilder serviceTask(String nodeId, String handler) {
        return node(nodeId, NodeKind.SERVICE_TASK, new NodeDetails.ServiceTask(handler));
    }

    /** A node of another kind run as a job by a handler: a send task, a message throw or end event, …. */
    ProcessBuilder job(String nodeId, NodeKind kind, String handler) {
        return node(nodeId, kind, new NodeDetails.ServiceTask(handler));
    }

    /** A none intermediate throw event: a milestone. */
    ProcessBuilder milestone(String nodeId) {
        return node(nodeId, NodeKind.INTERMEDIATE_THROW_EVENT, NodeDetails.None.NONE);
    }

    /** A service task with its own attempts and first delay, as {@code ferry:retries} and {@code ferry:retryBackoff} say. */
    ProcessBuilder serviceTask(String nodeId, String handler, int retries, String backoff) {
        return node(nodeId, NodeKind.SERVICE_TASK, new NodeDetails.ServiceTask(handler, retries, java.time.Duration.parse(backoff)));
    }

    /** A timer intermediate catch event; {@code type} is timeDate, timeDuration or timeCycle. */
    ProcessBuilder timer(String nodeId, TimerDefinition.Type type, String text) {
        return node(nodeId, NodeKind.TIMER_CATCH_EVENT, new NodeDetails.Timer(new TimerDefinition(type, text)));
    }

    /** A timer boundary event on a task. */
    ProcessBuilder boundaryTimer(String nodeId, String attachedTo, boolean interrupting, TimerDefinition.Type type, String text) {
        return node(nodeId, NodeKind.BOUNDARY_TIMER_EVENT,
                new NodeDetails.BoundaryTimer(attachedTo, interrupting, new TimerDefinition(type, text)));
    }
    /** A message intermediate catch event waiting for {@code messageName}, keyed by the variable {@code key}. */
    ProcessBuilder messageCatch(String nodeId, String messageName, String key) {
        return node(nodeId, NodeKind.MESSAGE_CATCH_EVENT, new NodeDetails.Message(messageName, key));
    }

    ProcessBuilder receiveTask(String nodeId, String messageName, String key) {
        return node(nodeId, NodeKind.RECEIVE_TASK, new NodeDetails.Message(messageName, key));
    }

    ProcessBuilder messageStart(String nodeId, String messageName) {
        return node(nodeId, NodeKind.MESSAGE_START_EVENT, new NodeDetails.Message(messageName, null));
    }

    /** A message boundary event on a task. */
    ProcessBuilder boundaryMessage(String nodeId, String attachedTo, boolean interrupting, String messageName, String key) {
        return node(nodeId, NodeKind.BOUNDARY_MESSAGE_EVENT,
                new NodeDetails.BoundaryMessage(attachedTo, interrupting, new NodeDetails.Message(messageName, key)));
    }
    ProcessBuilder errorEnd(String nodeId, String code) { return node(nodeId, NodeKind.ERROR_END_EVENT, new NodeDetails.Error(code)); }

    /** An error boundary event on a service task or sub-process; a null code catches any error. */
    ProcessBuilder boundaryError(String nodeId, String attachedTo, String code) {
        return node(nodeId, NodeKind.BOUNDARY_ERROR_EVENT, new NodeDetails.BoundaryError(attachedTo, code));
    }
    ProcessBuilder eventGateway(String nodeId) { return node(nodeId, NodeKind.EVENT_BASED_GATEWAY, NodeDetails.None.NONE); }
    ProcessBuilder exclusive(String nodeId) { return node(nodeId, NodeKind.EXCLUSIVE_GATEWAY, NodeDetails.None.NONE); }
    ProcessBuilder parallel(String nodeId) { return node(nodeId, NodeKind.PARALLEL_GATEWAY, NodeDetails.None.NONE); }
    ProcessBuilder inclusive(String nodeId) { return node(nodeId, NodeKind.INCLUSIVE_GATEWAY, NodeDetails.None.NONE); }

    /** An embedded sub-process; nodes added inside {@code content} belong to it. */
    ProcessBuilder subProcess(String nodeId, Consumer<ProcessBuilder> content) {
        node(nodeId, NodeKind.SUB_PROCESS, NodeDetails.None.NONE);
        String outer = currentScope;
        currentScope = nodeId;
        content.accept(this);
        currentScope = outer;
        return this;
    }

    /** Unconditional flows between consecutive nodes, named "source-target". */
    ProcessBuilder chain(String... nodeIds) {
        for (int i = 0; i + 1 < nodeIds.length; i++) {
            flow(nodeIds[i], nodeIds[i + 1]);
        }
        return this;
    }

    ProcessBuilder flow(String sourceId, String targetId) {
        return flow(sourceId + "-" + targetId, sourceId, targetId, null);
    }

    ProcessBuilder flow(String flowId, String sourceId, String targetId, String condition) {
        flows.add(new SequenceFlow(flowId, null, sourceId, targetId, condition));
        return this;
    }

    ProcessBuilder defaultFlow(String flowId, String sourceId, String targetId) {
        defaultFlows.put(sourceId, flowId);
        return flow(flowId, sourceId, targetId, null);
    }

    ProcessDefinition definition() {
        List<Node> built = nodes.values().stream().map(this::toNode).toList();
        return new ProcessDefinition(id, null, "1", id + ".bpmn", built, flows);
    }

    ExecutableProcess build() {
        return ExecutableProcess.of(definition());
    }

    private ProcessBuilder node(String nodeId, NodeKind kind, NodeDetails details) {
        nodes.put(nodeId, new PendingNode(nodeId, kind, currentScope, details));
        return this;
    }

    private Node toNode(PendingNode node) {
        List<String> incoming = flows.stream().filter(f -> f.targetId().equals(node.id())).map(SequenceFlow::id).toList();
        List<String> outgoing = flows.stream().filter(f -> f.sourceId().equals(node.id())).map(SequenceFlow::id).toList();
        return new Node(node.id(), null, node.kind(), node.scopeId(), incoming, outgoing, defaultFlows.get(node.id()), node.details());
    }
}
