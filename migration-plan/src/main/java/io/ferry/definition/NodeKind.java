package io.ferry.definition;

/**
 * The BPMN element kinds Ferry executes. Each kind says what run-time state a token can leave
 * at a node of that kind, which is what decides whether a migration may move a node onto another.
 */
public enum NodeKind {
    START_EVENT("startEvent", StateHeld.NONE, NodeDetails.None.class),
    /** A start event with a message: {@code POST /messages} with its name starts an instance here. */
    MESSAGE_START_EVENT("startEvent", StateHeld.NONE, NodeDetails.Message.class),
    /** A start event with a timer: the pods start an instance here when it is due (once, or each repetition). */
    TIMER_START_EVENT("startEvent", StateHeld.NONE, NodeDetails.Timer.class),
    END_EVENT("endEvent", StateHeld.NONE, NodeDetails.None.class),
    TERMINATE_END_EVENT("endEvent", StateHeld.NONE, NodeDetails.None.class),
    /** An end event that throws a BPMN error, caught by an error boundary event of an enclosing sub-process. */
    ERROR_END_EVENT("endEvent", StateHeld.NONE, NodeDetails.Error.class),
    /**
     * An end event that sends a message: its handler sends it as a job, as a service task's does, and the
     * token ends once the job completes (Camunda 8 runs it the same way).
     */
    MESSAGE_END_EVENT("endEvent", StateHeld.JOB, NodeDetails.ServiceTask.class),
    TASK("task", StateHeld.NONE, NodeDetails.None.class),
    MANUAL_TASK("manualTask", StateHeld.NONE, NodeDetails.None.class),
    /** A service task: the token waits while its job runs, outside the operation that reached it. */
    SERVICE_TASK("serviceTask", StateHeld.JOB, NodeDetails.ServiceTask.class),
    /** A send task: a job whose handler sends the message, run as a service task's is. */
    SEND_TASK("sendTask", StateHeld.JOB, NodeDetails.ServiceTask.class),
    /** A business rule task: a job whose handler applies the rules (a decision service, a rules engine). */
    BUSINESS_RULE_TASK("businessRuleTask", StateHeld.JOB, NodeDetails.ServiceTask.class),
    /** A script task that names a handler (Camunda 8's job worker script): Ferry runs no script text itself. */
    SCRIPT_TASK("scriptTask", StateHeld.JOB, NodeDetails.ServiceTask.class),
    /** An intermediate throw event without an event definition: a milestone the token passes. */
    INTERMEDIATE_THROW_EVENT("intermediateThrowEvent", StateHeld.NONE, NodeDetails.None.class),
    /** An intermediate throw event that sends a message: a job whose handler sends it; the token moves on when it completes. */
    MESSAGE_THROW_EVENT("intermediateThrowEvent", StateHeld.JOB, NodeDetails.ServiceTask.class),
    USER_TASK("userTask", StateHeld.USER_TASK, NodeDetails.None.class),
    /** An intermediate catch event with a timer: the token waits until the timer is due. */
    TIMER_CATCH_EVENT("intermediateCatchEvent", StateHeld.TIMER, NodeDetails.Timer.class),
    /**
     * A timer boundary event: no token ever rests here; the activity's token carries its timer, and
     * when it fires a token leaves from here (cancelling the activity when it interrupts).
     */
    BOUNDARY_TIMER_EVENT("boundaryEvent", StateHeld.NONE, NodeDetails.BoundaryTimer.class),
    /**
     * An error boundary event: it catches the BPMN error a service task's handler raises, or an error
     * end event inside the sub-process it is attached to throws, and always interrupts the activity.
     */
    BOUNDARY_ERROR_EVENT("boundaryEvent", StateHeld.NONE, NodeDetails.BoundaryError.class),
    /** An intermediate catch event with a message: the token waits until the message is correlated to it. */
    MESSAGE_CATCH_EVENT("intermediateCatchEvent", StateHeld.MESSAGE, NodeDetails.Message.class),
    /** A receive task: like a message catch event, as a task (it may carry boundary events). */
    RECEIVE_TASK("receiveTask", StateHeld.MESSAGE, NodeDetails.Message.class),
    /**
     * A message boundary event: the activity's token carries its subscription, and when the message
     * comes a token leaves from here (cancelling the activity when it interrupts).
     */
    BOUNDARY_MESSAGE_EVENT("boundaryEvent", StateHeld.NONE, NodeDetails.BoundaryMessage.class),
    EXCLUSIVE_GATEWAY("exclusiveGateway", StateHeld.NONE, NodeDetails.None.class),
    PARALLEL_GATEWAY("parallelGateway", StateHeld.JOINING_TOKENS, NodeDetails.None.class),
    INCLUSIVE_GATEWAY("inclusiveGateway", StateHeld.JOINING_TOKENS, NodeDetails.None.class),
    /**
     * An event-based gateway: the token waits here for the first of the events after it (timers and
     * messages, armed and opened for the token) and leaves through that one.
     */
    EVENT_BASED_GATEWAY("eventBasedGateway", StateHeld.EVENTS, NodeDetails.None.class),
    SUB_PROCESS("subProcess", StateHeld.SCOPE, NodeDetails.None.class);

    /** What an instance can keep at a node between two operations. */
    public enum StateHeld {
        /** Tokens pass through within one operation; nothing is stored here. */
        NONE,
        /** A token waits here for someone to complete the user task. */
        USER_TASK,
        /** A token waits here for its timer. */
        TIMER,
        /** A token waits here for a message (its subscription names the message and the correlation key). */
        MESSAGE,
        /** A token waits here while its job (a service task's handler call) runs, is retried, or has an incident. */
        JOB,
        /** A token waits here for the first of the events after an event-based gateway. */
        EVENTS,
        /** Tokens wait here for their siblings (a joining gateway). */
        JOINING_TOKENS,
        /** An embedded scope lives here while its inner tokens run. */
        SCOPE
    }

    private final String bpmnElement;
    private final StateHeld stateHeld;
    private final Class<? extends NodeDetails> details;

    NodeKind(String bpmnElement, StateHeld stateHeld, Class<? extends NodeDetails> details) {
        this.bpmnElement = bpmnElement;
        this.stateHeld = stateHeld;
        this.details = details;
    }

    /** The BPMN XML element name, as analysts see it in their modeler. */
    public String bpmnElement() {
        return bpmnElement;
    }

    public StateHeld stateHeld() {
        return stateHeld;
    }

    /** The kind of details a node of this kind carries; {@link Node} refuses any other. */
    public Class<? extends NodeDetails> details() {
        return details;
    }
}
