package io.ferry.definition;

import java.util.List;

/** Small definitions for tests: only node ids, kinds and scopes matter to migration. */
public final class Definitions {

    private Definitions() {
    }

    public static ProcessDefinition definition(String processId, String version, Node... nodes) {
        return new ProcessDefinition(processId, processId, version, processId + ".bpmn", List.of(nodes), List.of());
    }

    public static Node node(String id, NodeKind kind) {
        return node(id, kind, null);
    }

    public static Node node(String id, NodeKind kind, String scopeId) {
        return new Node(id, id, kind, scopeId, List.of(), List.of(), null, detailsFor(kind));
    }

    public static com.fasterxml.jackson.databind.node.ObjectNode noVariables() {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    /** Details that fit the kind; migration looks only at ids, kinds and scopes. */
    public static NodeDetails detailsFor(NodeKind kind) {
        TimerDefinition timer = new TimerDefinition(TimerDefinition.Type.DURATION, "PT1H");
        return switch (kind) {
            case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK, SCRIPT_TASK, MESSAGE_THROW_EVENT, MESSAGE_END_EVENT ->
                    new NodeDetails.ServiceTask("handler");
            case TIMER_CATCH_EVENT -> new NodeDetails.Timer(timer);
            case BOUNDARY_TIMER_EVENT -> new NodeDetails.BoundaryTimer("task", true, timer);
            case TIMER_START_EVENT -> new NodeDetails.Timer(timer);
            case MESSAGE_CATCH_EVENT, RECEIVE_TASK -> new NodeDetails.Message("Msg", "key");
            case MESSAGE_START_EVENT -> new NodeDetails.Message("Msg", null);
            case BOUNDARY_MESSAGE_EVENT -> new NodeDetails.BoundaryMessage("task", true, new NodeDetails.Message("Msg", "key"));
            case ERROR_END_EVENT -> new NodeDetails.Error("E");
            case BOUNDARY_ERROR_EVENT -> new NodeDetails.BoundaryError("task", null);
            default -> NodeDetails.None.NONE;
        };
    }

    /**
     * Version {@code version} of process "order": start, user tasks reviewOrder and signOff, a
     * service task notifyCustomer, a parallel join, sub-process checks holding user task checkStock, end.
     */
    public static ProcessDefinition order(String version) {
        return definition("order", version,
                node("start", NodeKind.START_EVENT),
                node("reviewOrder", NodeKind.USER_TASK),
                node("signOff", NodeKind.USER_TASK),
                node("notifyCustomer", NodeKind.SERVICE_TASK),
                node("join", NodeKind.PARALLEL_GATEWAY),
                node("checks", NodeKind.SUB_PROCESS),
                node("checkStock", NodeKind.USER_TASK, "checks"),
                node("end", NodeKind.END_EVENT));
    }
}
