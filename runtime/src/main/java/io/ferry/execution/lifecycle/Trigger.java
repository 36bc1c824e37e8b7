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
     * A report on a service task's job: from the worker that ran its handler, or from an operator
     * acting on its incident. Only a service task waits for these; {@link JobReport.Visitor} tells its
     * kinds apart, exhaustively too.
     */
    sealed interface JobReport extends Trigger {

        <R> R accept(JobReport.Visitor<R> visitor);

        @Override
        default <R> R accept(Trigger.Visitor<R> visitor) {
            return visitor.jobReport(this);
        }

        /**
         * The handler returned this output, or an operator resolved the incident with it.
         *
         * @param byOperator true when an operator resolved an incident ({@code IncidentResolved}), false for the handler
         */
        record Completed(ObjectNode output, boolean byOperator) implements JobReport {
            @Override
            public <R> R accept(JobReport.Visitor<R> visitor) {
                return visitor.completed(this);
            }
        }

        /** The handler failed with this error. */
        record Failed(String error) implements JobReport {
            @Override
            public <R> R accept(JobReport.Visitor<R> visitor) {
                return visitor.failed(this);
            }
        }

        /** The handler raised a BPMN error. */
        record Errored(String errorCode, String message) implements JobReport {
            @Override
            public <R> R accept(JobReport.Visitor<R> visitor) {
                return visitor.errored(this);
            }
        }

        /** An operator retried a job that has an incident, with this many more attempts. */
        record Retried(int attempts) implements JobReport {
            @Override
            public <R> R accept(JobReport.Visitor<R> visitor) {
                return visitor.retried(this);
            }
        }

        /** One method a kind of report. */
        interface Visitor<R> {

            R completed(Completed report);

            R failed(Failed report);

            R errored(Errored report);

            R retried(Retried report);
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

        R jobReport(JobReport trigger);

        R messageCorrelated(MessageCorrelated trigger);

        R timerFired(TimerFired trigger);
    }

    /** The engine handed a trigger to an element that cannot wait for it: a bug, never a client's doing. */
    static IllegalStateException unexpected(Node node, Trigger trigger) {
        return new IllegalStateException(node.kind() + " '" + node.id() + "' waits for nothing like "
                + trigger.getClass().getSimpleName());
    }
}
