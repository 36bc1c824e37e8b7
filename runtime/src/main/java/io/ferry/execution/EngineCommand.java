package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Everything that can happen to an instance, as one type: what a client asks for over REST and
 * what the engine's own machinery (timers, jobs) brings about. {@link ProcessEngine#apply} applies one
 * to a state; each is refused as a whole or advances the instance as far as it can go.
 */
public sealed interface EngineCommand {

    /** Hands the command to the visitor's method for its kind. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method a kind of command: whoever handles commands implements them all, so a new kind of
     * command does not compile until it is handled everywhere.
     */
    interface Visitor<R> {

        R start(Start command);

        R completeTask(CompleteTask command);

        R updateVariables(UpdateVariables command);

        R cancel(Cancel command);

        R fireTimer(FireTimer command);

        R completeJob(CompleteJob command);

        R failJob(FailJob command);

        R retryJob(RetryJob command);

        R resolveIncident(ResolveIncident command);

        R correlateMessage(CorrelateMessage command);

        R throwError(ThrowError command);
    }

    /**
     * Starts an instance with these variables, at the process's none start event, or at the message
     * start event {@code startEventId} names.
     */
    record Start(ObjectNode variables, String startEventId) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.start(this);
        }
        public Start {
            variables = variables == null ? JsonNodeFactory.instance.objectNode() : variables;
        }

        /** At the none start event. */
        public Start(ObjectNode variables) {
            this(variables, null);
        }
    }

    /**
     * Completes a user task and moves its token on.
     *
     * @param taskRef a task id, or the id of a user-task node where exactly one task waits
     * @param variables merged into the instance variables, top-level field by field
     */
    record CompleteTask(String taskRef, ObjectNode variables) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.completeTask(this);
        }
        public CompleteTask {
            Objects.requireNonNull(taskRef, "taskRef");
            variables = variables == null ? JsonNodeFactory.instance.objectNode() : variables;
        }
    }

    /** Applies an RFC 7386 JSON merge patch to the variables: null removes a field, objects merge. */
    record UpdateVariables(JsonNode mergePatch) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.updateVariables(this);
        }
    }

    /** Cancels the instance: every token, scope and timer is removed. */
    record Cancel() implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cancel(this);
        }
    }

    /** Fires an armed timer that is due (the poller found its row). */
    record FireTimer(String timerId) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.fireTimer(this);
        }
        public FireTimer {
            Objects.requireNonNull(timerId, "timerId");
        }
    }

    /**
     * A job's handler returned: its output is merged into the variables and the token moves on.
     *
     * @param jobId the id of the job (the id of the token waiting at the service task)
     */
    record CompleteJob(String jobId, ObjectNode output) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.completeJob(this);
        }
        public CompleteJob {
            Objects.requireNonNull(jobId, "jobId");
            output = output == null ? JsonNodeFactory.instance.objectNode() : output;
        }
    }

    /**
     * A job's handler failed: the job is due again after its back-off, or, with its attempts used up,
     * it has an incident.
     *
     * @param error what went wrong, as the operator will read it
     */
    record FailJob(String jobId, String error) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.failJob(this);
        }
        public FailJob {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(error, "error");
        }
    }

    /** An operator retries a job that has an incident: it is due at once, with {@code attempts} more attempts. */
    record RetryJob(String jobId, int attempts) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.retryJob(this);
        }
        public RetryJob {
            Objects.requireNonNull(jobId, "jobId");
            if (attempts < 1) {
                throw new IllegalArgumentException("a retry needs at least one attempt, not " + attempts);
            }
        }
    }

    /**
     * An operator resolves a job's incident without its handler: the task completes with these
     * variables as its output, as if the handler had returned them.
     */
    record ResolveIncident(String jobId, ObjectNode output) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resolveIncident(this);
        }
        public ResolveIncident {
            Objects.requireNonNull(jobId, "jobId");
            output = output == null ? JsonNodeFactory.instance.objectNode() : output;
        }
    }

    /**
     * A message came for an open subscription: its variables are merged, and the token waiting for it
     * moves on (or, at a boundary event, a token leaves from there).
     */
    record CorrelateMessage(String subscriptionId, ObjectNode variables) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.correlateMessage(this);
        }
        public CorrelateMessage {
            Objects.requireNonNull(subscriptionId, "subscriptionId");
            variables = variables == null ? JsonNodeFactory.instance.objectNode() : variables;
        }
    }

    /** A job's handler raised a BPMN error: the error boundary event that catches its code takes the token on. */
    record ThrowError(String jobId, String errorCode, String message) implements EngineCommand {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.throwError(this);
        }
        public ThrowError {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(errorCode, "errorCode");
        }
    }
}
