package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Everything that can happen to an instance, as one type: what a client asks for over REST and
 * what the engine's own machinery (timers) brings about. {@link ProcessEngine#apply} applies one
 * to a state; each is refused as a whole or advances the instance as far as it can go.
 */
public sealed interface EngineCommand {

    /** Starts an instance at the process's none start event, with these variables. */
    record Start(ObjectNode variables) implements EngineCommand {
        public Start {
            variables = variables == null ? JsonNodeFactory.instance.objectNode() : variables;
        }
    }

    /**
     * Completes a user task and moves its token on.
     *
     * @param taskRef a task id, or the id of a user-task node where exactly one task waits
     * @param variables merged into the instance variables, top-level field by field
     */
    record CompleteTask(String taskRef, ObjectNode variables) implements EngineCommand {
        public CompleteTask {
            Objects.requireNonNull(taskRef, "taskRef");
            variables = variables == null ? JsonNodeFactory.instance.objectNode() : variables;
        }
    }

    /** Applies an RFC 7386 JSON merge patch to the variables: null removes a field, objects merge. */
    record UpdateVariables(JsonNode mergePatch) implements EngineCommand {
    }

    /** Cancels the instance: every token, scope and timer is removed. */
    record Cancel() implements EngineCommand {
    }

    /** Fires an armed timer that is due (the poller found its row). */
    record FireTimer(String timerId) implements EngineCommand {
        public FireTimer {
            Objects.requireNonNull(timerId, "timerId");
        }
    }
}
