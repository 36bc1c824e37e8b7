package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.SequenceFlow;
import io.ferry.definition.TimerDefinition;
import io.ferry.expression.ConditionFailedException;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why an operation was refused, in words meant for the person who sent it. All messages live
 * here, as format strings, so tests and documentation can quote them.
 */
public record Refusal(RefusalReason reason, String message) {

    static final String INSTANCE_NOT_ACTIVE =
            "instance %s is %s and accepts no more operations; start a new instance if the work must go on";
    static final String TASK_NOT_FOUND =
            "instance %s has no open task '%s'; open tasks: %s. Complete one of them by its task id,"
                    + " or by its user-task node id when only one task waits there";
    static final String NOT_A_USER_TASK =
            "'%s' is %s '%s' of instance %s, which runs as a job, not a user task: a worker calls its handler '%s'"
                    + " and completes it by itself%s. Only user tasks are completed this way; open user tasks: %s";
    /** The state of the job, in {@link #NOT_A_USER_TASK}. */
    static final String JOB_WAITING = " (its job is waiting for a worker now)";
    static final String JOB_WITH_INCIDENT = " (its job has an incident now: GET /incidents lists it, POST /incidents/{id}/retry"
            + " or /resolve moves it on)";
    static final String TASK_AMBIGUOUS =
            "instance %s has %d open tasks at user task '%s' (%s); complete one of them by its task id";
    static final String CONDITION_FAILED =
            "condition of flow '%s' ('%s') could not be evaluated: %s;"
                    + " set or correct the variables it uses with PATCH /instances/%s/variables or in the request";
    static final String NO_OUTGOING_FLOW_TAKEN =
            "%s '%s' has no default flow and none of its conditions is true: %s."
                    + " Set the variables so that one holds, or give '%s' a default flow in the BPMN";
    /** One flow of {@link #NO_OUTGOING_FLOW_TAKEN}: its id, its condition, then {@link #BECAUSE} when it reads variables. */
    static final String CONDITION_FALSE = "flow '%s' (%s) is false%s";
    static final String BECAUSE = " because %s";
    static final String SUBSCRIPTION_NOT_OPEN =
            "instance %s has no open subscription '%s'; its message came already, or its token moved on";
    static final String CORRELATION_KEY_INVALID = "%s '%s' waits for message '%s' correlated by variable '%s', which "
            + "holds %s, not text or a number; set it with PATCH /instances/%s/variables or in the request that gets here";
    static final String JOB_NOT_FOUND = "instance %s has no job '%s'; it completed already, or its token moved on";
    static final String JOB_HAS_INCIDENT = "job '%s' of instance %s has an incident; retry or resolve it with POST /incidents/{id}/retry or /resolve";
    static final String JOB_HAS_NO_INCIDENT = "job '%s' of instance %s has no incident; a worker runs it";
    static final String STEP_LIMIT_EXCEEDED =
            "instance %s took more than %d steps in one operation (the last at node '%s'): the process loops"
                    + " without reaching a task that waits; check the conditions that should end the loop";
    static final String VARIABLES_NOT_AN_OBJECT =
            "the variables patch for instance %s must be a JSON object, not %s;"
                    + " send {\"name\": value}, with null as the value to remove a variable";

    static final String TIMER_VARIABLE_INVALID =
            "the timer of '%s' takes its %s from variable '%s', which holds %s: %s;"
                    + " set the variable to a valid value with PATCH /instances/%s/variables or in the request";
    static final String TIMER_NOT_ARMED = "instance %s has no timer '%s' armed; it fired already or its token moved on";
    static final String TIMER_NOT_DUE = "timer '%s' of instance %s is due at %s, not yet at %s";

    public static Refusal timerVariableInvalid(String instanceId, Node node, TimerDefinition timer, String variable,
            JsonNode value, String problem) {
        return new Refusal(RefusalReason.TIMER_INVALID, TIMER_VARIABLE_INVALID.formatted(node.id(), timer.type().element(),
                variable, value == null ? "nothing" : value.toString(), problem, instanceId));
    }

    public static Refusal timerNotArmed(String instanceId, String timerId) {
        return new Refusal(RefusalReason.TIMER_NOT_ARMED, TIMER_NOT_ARMED.formatted(instanceId, timerId));
    }

    public static Refusal timerNotDue(String instanceId, Timer timer, Instant now) {
        return new Refusal(RefusalReason.TIMER_NOT_DUE, TIMER_NOT_DUE.formatted(timer.id(), instanceId, timer.dueAt(), now));
    }

    public static Refusal instanceNotActive(String instanceId, InstanceStatus status) {
        return new Refusal(RefusalReason.INSTANCE_NOT_ACTIVE, INSTANCE_NOT_ACTIVE.formatted(instanceId, status));
    }

    public static Refusal taskNotFound(String instanceId, String taskRef, List<Token> openTasks) {
        return new Refusal(RefusalReason.TASK_NOT_FOUND, TASK_NOT_FOUND.formatted(instanceId, taskRef, listed(openTasks)));
    }

    /**
     * A client tried to complete a task that runs as a job.
     *
     * @param job the token waiting at it with its job, or null when none waits there now
     */
    public static Refusal notAUserTask(String instanceId, String taskRef, Node node, Token job, List<Token> openTasks) {
        String state = job == null ? "" : job.job().incident() ? JOB_WITH_INCIDENT : JOB_WAITING;
        return new Refusal(RefusalReason.TASK_NOT_FOUND, NOT_A_USER_TASK.formatted(taskRef, node.kind().bpmnElement(), node.id(),
                instanceId, node.details(NodeDetails.ServiceTask.class).handler(), state, listed(openTasks)));
    }

    private static String listed(List<Token> openTasks) {
        return openTasks.isEmpty()
                ? "none"
                : openTasks.stream().map(task -> task.id() + " at '" + task.nodeId() + "'").collect(Collectors.joining(", "));
    }

    public static Refusal taskAmbiguous(String instanceId, String nodeId, List<Token> tasks) {
        String ids = tasks.stream().map(Token::id).collect(Collectors.joining(", "));
        return new Refusal(RefusalReason.TASK_AMBIGUOUS, TASK_AMBIGUOUS.formatted(instanceId, tasks.size(), nodeId, ids));
    }

    public static Refusal conditionFailed(String instanceId, SequenceFlow flow, ConditionFailedException failure) {
        return new Refusal(RefusalReason.CONDITION_FAILED,
                CONDITION_FAILED.formatted(flow.id(), failure.condition(), failure.reason(), instanceId));
    }

    /**
     * A condition that was false, and what the variables it reads hold.
     *
     * @param values like {@code approved is the string "no"}; empty when it reads no variables
     */
    public record FalseCondition(String flowId, String condition, String values) {
    }

    public static Refusal noOutgoingFlowTaken(Node node, List<FalseCondition> falseConditions) {
        String conditions = falseConditions.stream()
                .map(flow -> CONDITION_FALSE.formatted(flow.flowId(), flow.condition(),
                        flow.values().isEmpty() ? "" : BECAUSE.formatted(flow.values())))
                .collect(Collectors.joining("; "));
        return new Refusal(RefusalReason.NO_OUTGOING_FLOW_TAKEN,
                NO_OUTGOING_FLOW_TAKEN.formatted(node.kind().bpmnElement(), node.id(), conditions, node.id()));
    }

    public static Refusal subscriptionNotOpen(String instanceId, String subscriptionId) {
        return new Refusal(RefusalReason.SUBSCRIPTION_NOT_OPEN, SUBSCRIPTION_NOT_OPEN.formatted(instanceId, subscriptionId));
    }

    public static Refusal correlationKeyInvalid(String instanceId, Node node, NodeDetails.Message message, JsonNode value) {
        return new Refusal(RefusalReason.CORRELATION_KEY_INVALID, CORRELATION_KEY_INVALID.formatted(node.kind().bpmnElement(),
                node.id(), message.messageName(), message.correlationKey(), value == null ? "nothing" : value.toString(),
                instanceId));
    }

    public static Refusal jobNotFound(String instanceId, String jobId) {
        return new Refusal(RefusalReason.JOB_NOT_FOUND, JOB_NOT_FOUND.formatted(instanceId, jobId));
    }

    public static Refusal jobHasIncident(String instanceId, String jobId) {
        return new Refusal(RefusalReason.JOB_HAS_INCIDENT, JOB_HAS_INCIDENT.formatted(jobId, instanceId));
    }

    public static Refusal jobHasNoIncident(String instanceId, String jobId) {
        return new Refusal(RefusalReason.JOB_HAS_NO_INCIDENT, JOB_HAS_NO_INCIDENT.formatted(jobId, instanceId));
    }

    public static Refusal stepLimitExceeded(String instanceId, int stepLimit, String nodeId) {
        return new Refusal(RefusalReason.STEP_LIMIT_EXCEEDED, STEP_LIMIT_EXCEEDED.formatted(instanceId, stepLimit, nodeId));
    }

    public static Refusal variablesNotAnObject(String instanceId, JsonNode patch) {
        String type = patch == null ? "nothing" : patch.getNodeType().name().toLowerCase(Locale.ROOT);
        return new Refusal(RefusalReason.VARIABLES_NOT_AN_OBJECT, VARIABLES_NOT_AN_OBJECT.formatted(instanceId, type));
    }
}
