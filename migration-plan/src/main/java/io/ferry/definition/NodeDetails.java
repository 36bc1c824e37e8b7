package io.ferry.definition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
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
        @JsonSubTypes.Type(value = NodeDetails.BoundaryTimer.class, name = "boundaryTimer"),
        @JsonSubTypes.Type(value = NodeDetails.Message.class, name = "message"),
        @JsonSubTypes.Type(value = NodeDetails.BoundaryMessage.class, name = "boundaryMessage"),
        @JsonSubTypes.Type(value = NodeDetails.Error.class, name = "error"),
        @JsonSubTypes.Type(value = NodeDetails.BoundaryError.class, name = "boundaryError")})
public sealed interface NodeDetails {

    /** Kinds that need nothing more. */
    record None() implements NodeDetails {
        public static final None NONE = new None();
    }

    /**
     * A node run as a job by a handler: a service task, and the kinds Ferry runs the same way (send,
     * business rule and script tasks that name a handler, message throw and end events).
     *
     * @param handler the name of the handler that runs the task ({@code @ServiceTask("name")})
     * @param retries attempts in all before an incident, or null for the configured default
     * @param retryBackoff the delay before the second attempt (doubling after each failure), or null
     * @param timeout how long one call of the handler may take before it counts as a failed attempt
     *     ({@code ferry:timeout}), or null for {@code quarkus.ferry.jobs.timeout}
     *     for the configured default
     */
    record ServiceTask(String handler, Integer retries,
            @JsonSerialize(using = ToStringSerializer.class) Duration retryBackoff,
            @JsonSerialize(using = ToStringSerializer.class) Duration timeout) implements NodeDetails {

        /** A task that retries as configured. */
        public ServiceTask(String handler) {
            this(handler, null, null, null);
        }

        /** A task with its own retry settings and the configured time limit per call. */
        public ServiceTask(String handler, Integer retries, Duration retryBackoff) {
            this(handler, retries, retryBackoff, null);
        }

        /** The recorded model keeps durations as ISO-8601 text, as {@link Duration#toString()} writes them. */
        @JsonCreator
        static ServiceTask recorded(@JsonProperty("handler") String handler, @JsonProperty("retries") Integer retries,
                @JsonProperty("retryBackoff") String retryBackoff, @JsonProperty("timeout") String timeout) {
            return new ServiceTask(handler, retries, retryBackoff == null ? null : Duration.parse(retryBackoff),
                    timeout == null ? null : Duration.parse(timeout));
        }
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

    /**
     * What a message event or receive task waits for.
     *
     * @param messageName the message's name, as {@code POST /messages} sends it
     * @param correlationKey the variable (a dotted path) whose value, when the subscription opens, is
     *     the key a message must carry; null at a message start event, which any message of the name starts
     */
    record Message(String messageName, String correlationKey) implements NodeDetails {

        public Message {
            Objects.requireNonNull(messageName, "messageName");
        }

        /**
         * The value the correlation variable holds in these variables (null when absent or JSON null): what the
         * engine reads when a subscription opens, and a migration when it opens one for a new boundary event.
         */
        public JsonNode correlationValue(JsonNode variables) {
            JsonNode current = variables;
            for (String field : correlationKey.split("\\.")) {
                current = current == null ? null : current.get(field);
            }
            return current == null || current.isNull() ? null : current;
        }

        /** Whether a correlation variable's value can be a key: text or a whole number. */
        public static boolean isKey(JsonNode value) {
            return value != null && (value.isTextual() || value.isIntegralNumber());
        }
    }

    /**
     * A message boundary event.
     *
     * @param attachedToId the activity it is attached to
     * @param interrupting whether the message cancels the activity ({@code cancelActivity}, true unless "false")
     */
    record BoundaryMessage(String attachedToId, boolean interrupting, Message message) implements NodeDetails {

        public BoundaryMessage {
            Objects.requireNonNull(attachedToId, "attachedToId");
            Objects.requireNonNull(message, "message");
        }
    }

    /** An error end event. @param errorCode the code of the BPMN error it throws */
    record Error(String errorCode) implements NodeDetails {

        public Error {
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }

    /**
     * An error boundary event.
     *
     * @param attachedToId the activity it is attached to (a service task or a sub-process)
     * @param errorCode the code it catches, or null to catch any BPMN error
     */
    record BoundaryError(String attachedToId, String errorCode) implements NodeDetails {

        public BoundaryError {
            Objects.requireNonNull(attachedToId, "attachedToId");
        }

        /** Whether it catches a BPMN error of this code. */
        public boolean catches(String code) {
            return errorCode == null || errorCode.equals(code);
        }
    }
}
