package io.ferry.bpmn;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The checks that need a whole process: flow ends, scopes, start events, gateways and conditions. */
final class ProcessChecker {

    private ProcessChecker() {
    }

    /** Adds every problem found to the process. */
    static void check(ParsedProcess process) {
        process.flows().forEach(flow -> checkEnds(process, flow));
        checkStartEvents(process);
        process.nodes().forEach(node -> checkDefaultFlow(process, node));
        process.nodes().forEach(node -> checkGatewayConditions(process, node));
        process.flows().stream().filter(flow -> flow.condition() != null).forEach(flow -> checkCondition(process, flow));
        process.nodes().stream().filter(node -> node.kind() == NodeKind.EVENT_BASED_GATEWAY)
                .forEach(gateway -> checkEventGateway(process, gateway));
        process.nodes().stream()
                .filter(node -> node.kind() == NodeKind.BOUNDARY_TIMER_EVENT || node.kind() == NodeKind.BOUNDARY_MESSAGE_EVENT
                        || node.kind() == NodeKind.BOUNDARY_ERROR_EVENT)
                .forEach(boundary -> checkBoundaryEvent(process, boundary));
    }

    private static String attachedTo(ParsedNode boundary) {
        if (boundary.details() instanceof NodeDetails.BoundaryTimer timer) {
            return timer.attachedToId();
        }
        if (boundary.details() instanceof NodeDetails.BoundaryError error) {
            return error.attachedToId();
        }
        return ((NodeDetails.BoundaryMessage) boundary.details()).attachedToId();
    }

    /** An event-based gateway leads, without conditions, to two or more events a token can wait for. */
    private static void checkEventGateway(ParsedProcess process, ParsedNode gateway) {
        List<ParsedFlow> outgoing = process.outgoing(gateway.id());
        if (outgoing.size() < 2) {
            process.problem(gateway.position(), gateway.id(), String.format(BpmnMessages.EVENT_GATEWAY_TOO_FEW, outgoing.size()));
        }
        for (ParsedFlow flow : outgoing) {
            if (flow.condition() != null) {
                process.problem(gateway.position(), gateway.id(), String.format(BpmnMessages.EVENT_GATEWAY_CONDITION, flow.id()));
            }
            ParsedNode target = process.node(flow.targetRef());
            if (target != null && target.kind() != NodeKind.TIMER_CATCH_EVENT && target.kind() != NodeKind.MESSAGE_CATCH_EVENT
                    && target.kind() != NodeKind.RECEIVE_TASK) {
                process.problem(gateway.position(), gateway.id(), String.format(BpmnMessages.EVENT_GATEWAY_TARGET, target.id(),
                        target.kind().bpmnElement()));
            }
        }
    }

    /** A boundary event hangs on a task or sub-process beside it, and only leaves: no flow comes in, at least one goes out. */
    private static void checkBoundaryEvent(ParsedProcess process, ParsedNode boundary) {
        String attachedToId = attachedTo(boundary);
        ParsedNode activity = attachedToId.isEmpty() ? null : process.node(attachedToId);
        if (attachedToId.isEmpty()) {
            process.problem(boundary.position(), boundary.id(), BpmnMessages.BOUNDARY_NOT_ATTACHED);
        } else if (activity == null && !process.isRejected(attachedToId)) {
            process.problem(boundary.position(), boundary.id(), String.format(BpmnMessages.BOUNDARY_ON_UNKNOWN_NODE, attachedToId));
        } else if (activity != null && boundary.kind() == NodeKind.BOUNDARY_ERROR_EVENT) {
            if (!isTaskRunAsJob(activity) && activity.kind() != NodeKind.SUB_PROCESS) {
                process.problem(boundary.position(), boundary.id(), String.format(BpmnMessages.ERROR_BOUNDARY_ON, attachedToId,
                        activity.kind().bpmnElement()));
            }
        } else if (activity != null && activity.kind() != NodeKind.USER_TASK && !isTaskRunAsJob(activity)
                && activity.kind() != NodeKind.RECEIVE_TASK && activity.kind() != NodeKind.SUB_PROCESS) {
            process.problem(boundary.position(), boundary.id(), String.format(BpmnMessages.BOUNDARY_ON_UNSUPPORTED_NODE,
                    attachedToId, activity.kind().bpmnElement()));
        } else if (activity != null && !Objects.equals(activity.scopeId(), boundary.scopeId())) {
            process.problem(boundary.position(), boundary.id(), String.format(BpmnMessages.BOUNDARY_IN_OTHER_SCOPE,
                    describeScope(boundary.scopeId()), attachedToId, describeScope(activity.scopeId())));
        }
        List<ParsedFlow> incoming = process.incoming(boundary.id());
        if (!incoming.isEmpty()) {
            process.problem(boundary.position(), boundary.id(), String.format(BpmnMessages.BOUNDARY_WITH_INCOMING,
                    quoted(incoming.stream().map(ParsedFlow::id).toList())));
        }
        if (process.outgoing(boundary.id()).isEmpty()) {
            process.problem(boundary.position(), boundary.id(), BpmnMessages.BOUNDARY_WITHOUT_OUTGOING);
        }
    }

    /** A task whose job a handler runs; message throw and end events are jobs too, but events carry no boundary events. */
    private static boolean isTaskRunAsJob(ParsedNode node) {
        return node.kind().stateHeld() == NodeKind.StateHeld.JOB
                && node.kind() != NodeKind.MESSAGE_THROW_EVENT && node.kind() != NodeKind.MESSAGE_END_EVENT;
    }

    private static void checkEnds(ParsedProcess process, ParsedFlow flow) {
        ParsedNode source = end(process, flow, "sourceRef", flow.sourceRef());
        ParsedNode target = end(process, flow, "targetRef", flow.targetRef());
        if (source != null && target != null && !Objects.equals(source.scopeId(), target.scopeId())) {
            String message = String.format(BpmnMessages.FLOW_CROSSES_SCOPE,
                    source.id(), describeScope(source.scopeId()), target.id(), describeScope(target.scopeId()));
            process.problem(flow.position(), flow.id(), message);
        }
    }

    /** The node a flow end names, or null (reported unless it names an element already rejected). */
    private static ParsedNode end(ParsedProcess process, ParsedFlow flow, String attribute, String nodeId) {
        if (nodeId == null) {
            process.problem(flow.position(), flow.id(), String.format(BpmnMessages.FLOW_WITHOUT_END, attribute));
            return null;
        }
        ParsedNode node = process.node(nodeId);
        if (node == null && !process.isRejected(nodeId)) {
            process.problem(flow.position(), flow.id(), String.format(BpmnMessages.FLOW_TO_UNKNOWN_NODE, attribute, nodeId));
        }
        return node;
    }

    private static String describeScope(String scopeId) {
        return scopeId == null ? BpmnMessages.AT_PROCESS_LEVEL : String.format(BpmnMessages.IN_SUB_PROCESS, scopeId);
    }

    private static void checkStartEvents(ParsedProcess process) {
        if (!hasStartEvent(process, null) && process.nodes().stream()
                .noneMatch(node -> node.kind() == NodeKind.MESSAGE_START_EVENT || node.kind() == NodeKind.TIMER_START_EVENT)) {
            process.problem(process.position(), process.id(), BpmnMessages.PROCESS_WITHOUT_START_EVENT);
        }
        process.nodes().stream()
                .filter(node -> node.kind() == NodeKind.SUB_PROCESS && !hasStartEvent(process, node.id()))
                .forEach(node -> process.problem(node.position(), node.id(),
                        String.format(BpmnMessages.SCOPE_WITHOUT_START_EVENT, BpmnMessages.SUB_PROCESS)));
    }

    /** A rejected start event counts: its problem already tells what to change. */
    private static boolean hasStartEvent(ParsedProcess process, String scopeId) {
        return process.nodes().stream()
                        .anyMatch(node -> node.kind() == NodeKind.START_EVENT && Objects.equals(node.scopeId(), scopeId))
                || process.rejected().stream()
                        .anyMatch(element -> element.elementName().equals("startEvent") && Objects.equals(element.scopeId(), scopeId));
    }

    private static void checkDefaultFlow(ParsedProcess process, ParsedNode node) {
        List<String> outgoing = process.outgoing(node.id()).stream().map(ParsedFlow::id).toList();
        if (node.defaultFlowId() != null && !outgoing.contains(node.defaultFlowId())) {
            String choices = outgoing.isEmpty() ? BpmnMessages.NO_OUTGOING_FLOWS : quoted(outgoing);
            process.problem(node.position(), node.id(), String.format(BpmnMessages.DEFAULT_NOT_OUTGOING, node.defaultFlowId(), choices));
        }
    }

    /** A token must always know which way to go: every flow but the default needs a condition. */
    private static void checkGatewayConditions(ParsedProcess process, ParsedNode gateway) {
        String label = switch (gateway.kind()) {
            case EXCLUSIVE_GATEWAY -> BpmnMessages.EXCLUSIVE_GATEWAY;
            case INCLUSIVE_GATEWAY -> BpmnMessages.INCLUSIVE_GATEWAY;
            default -> null;
        };
        List<ParsedFlow> outgoing = process.outgoing(gateway.id());
        if (label == null || outgoing.size() < 2) {
            return;
        }
        List<String> withoutCondition = outgoing.stream()
                .filter(flow -> flow.condition() == null && !flow.id().equals(gateway.defaultFlowId()))
                .map(ParsedFlow::id)
                .toList();
        if (!withoutCondition.isEmpty()) {
            String format = gateway.defaultFlowId() == null
                    ? BpmnMessages.GATEWAY_WITHOUT_DEFAULT
                    : BpmnMessages.GATEWAY_FLOWS_WITHOUT_CONDITION;
            process.problem(gateway.position(), gateway.id(), String.format(format, label, quoted(withoutCondition)));
        }
    }

    private static void checkCondition(ParsedProcess process, ParsedFlow flow) {
        String problem = ConditionCheck.problemWith(flow.condition(), flow.conditionLanguage());
        if (problem != null) {
            process.problem(flow.conditionPosition(), flow.id(), problem);
        }
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
