package io.ferry.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of an instance's history, as the engine produced it. Event ids, timestamps and
 * correlation and causation ids are added by the persistence layer.
 *
 * @param type one of the constants below
 * @param nodeId the node the event is about, or null for instance-wide events
 * @param tokenId the token activation the event is about (a user task's id is its token's id;
 *     a sub-process's {@code NodeCompleted} names its scope), or null for instance-wide events
 * @param data what else the event carries; empty when nothing
 */
public record EngineEvent(String type, String nodeId, String tokenId, ObjectNode data) {

    /** data: the variables given at start. */
    public static final String INSTANCE_STARTED = "InstanceStarted";
    public static final String NODE_ENTERED = "NodeEntered";
    /** data: {@code joinedTokens} when a gateway joined several tokens. */
    public static final String NODE_COMPLETED = "NodeCompleted";
    public static final String TASK_CREATED = "TaskCreated";
    /** data: the variables given with the completion. */
    public static final String TASK_COMPLETED = "TaskCompleted";
    /** data: the handler's output. */
    public static final String SERVICE_TASK_COMPLETED = "ServiceTaskCompleted";
    public static final String JOB_CREATED = "JobCreated";
    public static final String ERROR_THROWN = "ErrorThrown";
    public static final String MESSAGE_SUBSCRIBED = "MessageSubscribed";
    public static final String MESSAGE_CORRELATED = "MessageCorrelated";
    public static final String JOB_FAILED = "JobFailed";
    public static final String JOB_RETRIED = "JobRetried";
    public static final String INCIDENT_RESOLVED = "IncidentResolved";
    /** data: {@code timerId} and {@code dueAt}; the node is the timer's (a catch or boundary event). */
    public static final String TIMER_SCHEDULED = "TimerScheduled";
    /** data: {@code timerId}, {@code dueAt} and {@code fired} (how often it has fired, this time included). */
    public static final String TIMER_FIRED = "TimerFired";
    /** A waiting activity ended without completing; data: {@code by}, the boundary event that interrupted it. */
    public static final String NODE_TERMINATED = "NodeTerminated";
    /** data: the merge patch applied. */
    public static final String VARIABLES_UPDATED = "VariablesUpdated";
    /** data: {@code terminatedBy} when a terminate end event ended the instance. */
    public static final String INSTANCE_COMPLETED = "InstanceCompleted";
    /** data: {@code activeNodes}, the nodes that held tokens or scopes, in document order. */
    public static final String INSTANCE_CANCELLED = "InstanceCancelled";
}
