package io.ferry.migration;

/**
 * A node an instance holds state at that has no fitting place in the target version, which blocks
 * the instance's migration.
 *
 * @param nodeId the node id in the instance's stored version
 * @param reason what is wrong and what to put in a plan, for the incident and the problem response
 */
public record UnplacedNode(String nodeId, String reason) {

    public static final String NODE_MISSING =
            "%s at '%s' cannot move: version %s of process '%s' has no node '%s'; map '%s' to one of its nodes in a migration plan";
    public static final String CANNOT_HOLD =
            "%s at '%s' cannot move to '%s': in version %s that is a %s, which cannot hold it; map '%s' to %s in a migration plan";
    public static final String BOUNDARY_TIMER_MISSING =
            "timer of boundary event '%s' cannot move to '%s': in version %s that is not a timer boundary event attached to '%s'; "
            + "map '%s' to a timer boundary event of '%s' in a migration plan";
    public static final String BOUNDARY_MESSAGE_MISSING =
            "message subscription of boundary event '%s' cannot move to '%s': in version %s that is not a message boundary "
            + "event attached to '%s'; map '%s' to a message boundary event of '%s' in a migration plan";
    public static final String MESSAGE_NAME_CHANGED =
            "message subscription of '%s' waits for message '%s', but '%s' in version %s waits for message '%s': the "
            + "instance would wait for a message nobody sends it; map '%s' to a node that waits for '%s', or rename the "
            + "message in the plan (messages: {%s: …})";
    public static final String GATEWAY_EVENT_MISSING =
            "%s of event '%s' cannot move to '%s': in version %s that is not a %s catch event after event-based gateway '%s'; "
            + "map '%s' to a %s catch event the gateway '%s' leads to in a migration plan";
    public static final String RESTARTED_TIMER_UNARMABLE =
            "the plan restarts the timer of boundary event '%s' (version %s), but it cannot be armed for the task at '%s': "
            + "variable '%s' does not hold %s; give the variable a valid value in the plan (variables:), or drop the timer "
            + "rule of '%s'";
    public static final String NEW_BOUNDARY_MESSAGE_UNKEYED =
            "message boundary event '%s' (version %s) cannot be opened for the task at '%s': the correlation key of "
            + "message '%s', variable '%s', holds no text or whole number; give the variable a value in the plan "
            + "(variables:)";
    public static final String WRONG_SCOPE =
            "%s at '%s' cannot move to '%s': that node lies %s, but it runs %s; map '%s' to a node %s in a migration plan";
}
