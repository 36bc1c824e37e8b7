package io.ferry.execution.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import java.util.Objects;

/**
 * What ended an element without completing it, as {@code NodeTerminated} records it: data {@code
 * {"by": node id, "cause": …}}, {@code by} absent for a cancel. A client that completes a task ended
 * this way is told which event ended it.
 *
 * @param cause the kind of ending
 * @param byNodeId the element that ended it (boundary event, terminate end event, catching error
 *     boundary event), or null for a cancel
 */
public record Termination(Cause cause, String byNodeId) {

    /** The kinds of ending, with the name the history gives them. */
    public enum Cause {
        /** An interrupting boundary event fired on the activity (or on a sub-process around it). */
        BOUNDARY_EVENT("boundaryEvent"),
        /** A terminate end event ended the scope the element ran in. */
        TERMINATE_END_EVENT("terminateEndEvent"),
        /** A BPMN error was caught by an error boundary event on the element or on a sub-process around it. */
        ERROR("error"),
        /** The instance was cancelled. */
        CANCEL("cancel");

        private final String recorded;

        Cause(String recorded) {
            this.recorded = recorded;
        }

        /** The name in {@code NodeTerminated}'s data. */
        public String recorded() {
            return recorded;
        }
    }

    public Termination {
        Objects.requireNonNull(cause, "cause");
        if ((cause == Cause.CANCEL) != (byNodeId == null)) {
            throw new IllegalArgumentException(cause + (byNodeId == null ? " needs the node that ended it" : " is by no node"));
        }
    }

    public static Termination byBoundaryEvent(Node boundary) {
        return new Termination(Cause.BOUNDARY_EVENT, boundary.id());
    }

    public static Termination byTerminateEndEvent(Node endEvent) {
        return new Termination(Cause.TERMINATE_END_EVENT, endEvent.id());
    }

    public static Termination byError(Node catching) {
        return new Termination(Cause.ERROR, catching.id());
    }

    public static Termination byCancel() {
        return new Termination(Cause.CANCEL, null);
    }

    /** {@code NodeTerminated}'s data. */
    public ObjectNode data() {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (byNodeId != null) {
            data.put("by", byNodeId);
        }
        return data.put("cause", cause.recorded());
    }
}
