package io.ferry.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * What a node has beyond what every node has, one record per kind ({@link NodeKind#details()}), so
 * that a field exists only where it means something and a new kind says what it needs.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NodeDetails.None.class, name = "none"),
        @JsonSubTypes.Type(value = NodeDetails.ServiceTask.class, name = "serviceTask"),
        @JsonSubTypes.Type(value = NodeDetails.Timer.class, name = "timer"),
        @JsonSubTypes.Type(value = NodeDetails.BoundaryTimer.class, name = "boundaryTimer")})
public sealed interface NodeDetails {

    /** Kinds that need nothing more. */
    record None() implements NodeDetails {
        public static final None NONE = new None();
    }

    /** @param handler the name of the handler that runs the task ({@code @ServiceTask("name")}) */
    record ServiceTask(String handler) implements NodeDetails {
    }

    /** An intermediate timer catch event. */
    record Timer(TimerDefinition timer) implements NodeDetails {

        public Timer {
            Objects.requireNonNull(timer, "timer");
        }
    }

    /**
     * A timer boundary event.
     *
     * @param attachedToId the activity it is attached to (a user task or a sub-process)
     * @param interrupting whether firing cancels the activity ({@code cancelActivity}, true unless "false")
     */
    record BoundaryTimer(String attachedToId, boolean interrupting, TimerDefinition timer) implements NodeDetails {

        public BoundaryTimer {
            Objects.requireNonNull(attachedToId, "attachedToId");
            Objects.requireNonNull(timer, "timer");
        }
    }
}
