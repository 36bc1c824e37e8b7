package io.ferry.definition;

/**
 * The BPMN element kinds Ferry executes. Each kind says what run-time state a token can leave
 * at a node of that kind, which is what decides whether a migration may move a node onto another.
 */
public enum NodeKind {
    START_EVENT("startEvent", StateHeld.NONE),
    END_EVENT("endEvent", StateHeld.NONE),
    TERMINATE_END_EVENT("endEvent", StateHeld.NONE),
    TASK("task", StateHeld.NONE),
    MANUAL_TASK("manualTask", StateHeld.NONE),
    SERVICE_TASK("serviceTask", StateHeld.NONE),
    USER_TASK("userTask", StateHeld.WAITING_TOKEN),
    EXCLUSIVE_GATEWAY("exclusiveGateway", StateHeld.NONE),
    PARALLEL_GATEWAY("parallelGateway", StateHeld.JOINING_TOKENS),
    INCLUSIVE_GATEWAY("inclusiveGateway", StateHeld.JOINING_TOKENS),
    SUB_PROCESS("subProcess", StateHeld.SCOPE);

    /** What an instance can keep at a node between two operations. */
    public enum StateHeld {
        /** Tokens pass through within one operation; nothing is stored here. */
        NONE,
        /** A token waits here for an outside action (a user task). */
        WAITING_TOKEN,
        /** Tokens wait here for their siblings (a joining gateway). */
        JOINING_TOKENS,
        /** An embedded scope lives here while its inner tokens run. */
        SCOPE
    }

    private final String bpmnElement;
    private final StateHeld stateHeld;

    NodeKind(String bpmnElement, StateHeld stateHeld) {
        this.bpmnElement = bpmnElement;
        this.stateHeld = stateHeld;
    }

    /** The BPMN XML element name, as analysts see it in their modeler. */
    public String bpmnElement() {
        return bpmnElement;
    }

    public StateHeld stateHeld() {
        return stateHeld;
    }
}
