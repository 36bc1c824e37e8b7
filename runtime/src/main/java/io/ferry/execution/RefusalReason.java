package io.ferry.execution;

/** Why an operation was refused; the message of the {@link Refusal} says what to do about it. */
public enum RefusalReason {
    /** The instance is completed or cancelled. */
    INSTANCE_NOT_ACTIVE,
    /** No open task has the given task id or user-task node id. */
    TASK_NOT_FOUND,
    /** A user-task node id was given, but several tasks wait at that node. */
    TASK_AMBIGUOUS,
    /**
     * A sequence-flow condition could not be evaluated: a variable is missing, an operator met a
     * value of a kind it does not take (a string where a boolean or number belongs), or the
     * result is not a boolean.
     */
    CONDITION_FAILED,
    /** No condition of a node's outgoing flows is true and the node has no default flow. */
    NO_OUTGOING_FLOW_TAKEN,
    /** The subscription a message was meant for is no longer open: its message came, or its token moved on. */
    SUBSCRIPTION_NOT_OPEN,
    /** The variable a subscription's correlation key names holds no text or number when the subscription opens. */
    CORRELATION_KEY_INVALID,
    /** No token of the instance waits with this job: it completed already, or its token moved on. */
    JOB_NOT_FOUND,
    /** A worker reported on a job that has an incident: only an operator moves it on now. */
    JOB_HAS_INCIDENT,
    /** An operator retried or resolved a job that has no incident. */
    JOB_HAS_NO_INCIDENT,
    /** The operation took more steps than allowed: the process most likely loops without waiting. */
    STEP_LIMIT_EXCEEDED,
    /** A variables patch that is not a JSON object. */
    VARIABLES_NOT_AN_OBJECT,
    /** A timer's variable does not hold a date, duration or cycle it can be armed with. */
    TIMER_INVALID,
    /** The timer to fire is no longer armed: it fired already, or its token moved on. */
    TIMER_NOT_ARMED,
    /** The timer to fire is not due yet at the operation's moment. */
    TIMER_NOT_DUE
}
