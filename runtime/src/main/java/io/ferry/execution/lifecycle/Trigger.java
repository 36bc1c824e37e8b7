package io.ferry.execution.lifecycle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;

/**
 * Something a resting token waits for happened. The engine turns each command that concerns a
 * waiting token into one of these and hands it to the processor of the element it belongs to
 * ({@link ElementProcessor#onTrigger}); {@link Visitor} makes that hand-over exhaustive, so a new
 * kind of trigger does not compile until the engine routes it.
 */
public sealed interface Trigger {

    <R> R accept(Visitor<R> visitor);

    /** Someone completed a user task with these variables. */
    record TaskCompleted(ObjectNode variables) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.taskCompleted(this);
        }
    }

    /**
     * A job's handler returned this output, or an operator resolved its incident with it.
     *
     * @param byOperator true when an operator resolved an incident ({@code IncidentResolved}), false for the handler
     */
    record JobCompleted(ObjectNode output, boolean byOperator) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jobCompleted(this);
        }
    }

    /** A job's handler failed with this error. */
    record JobFailed(String error) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jobFailed(this);
        }
    }

    /** A job's handler raised a BPMN error. */
    record JobErrored(String errorCode, String message) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jobErrored(this);
        }
    }

    /** An operator retried a job that has an incident, with this many more attempts. */
    record JobRetried(int attempts) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.jobRetried(this);
        }
    }

    /** A message came for one of the token's subscriptions. */
    record MessageCorrelated(Subscription subscription, ObjectNode variables) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.messageCorrelated(this);
        }
    }

    /** One of the token's timers is due and fired ({@code TimerFired} is recorded). */
    record TimerFired(Timer timer) implements Trigger {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.timerFired(this);
        }
    }

    /** One method a kind of trigger. */
    interface Visitor<R> {

        R taskCompleted(TaskCompleted trigger);

        R jobCompleted(JobCompleted trigger);

        R jobFailed(JobFailed trigger);

        R jobErrored(JobErrored trigger);

        R jobRetried(JobRetried trigger);

        R messageCorrelated(MessageCorrelated trigger);

        R timerFired(TimerFired trigger);
    }

    /** The engine handed a trigger to an element that cannot wait for it: a bug, never a client's doing. */
    static IllegalStateException unexpected(Node node, Trigger trigger) {
        return new IllegalStateException(node.kind() + " '" + node.id() + "' waits for nothing like "
                + trigger.getClass().getSimpleName());
    }
}
