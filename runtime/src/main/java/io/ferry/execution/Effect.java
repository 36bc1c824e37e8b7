package io.ferry.execution;

import java.time.Instant;

/**
 * What an operation asks of the world besides storing the new state (timer and job rows, incidents), written by the persistence
 * layer in the operation's own transaction: nothing of it happens when the operation is refused
 * or loses a race.
 */
public sealed interface Effect {

    /** Hands the effect to the visitor's method for its kind. */
    void accept(Visitor visitor);

    /**
     * One method a kind of effect: whoever writes effects implements them all, so a new kind of
     * effect does not compile until it is written.
     */
    interface Visitor {

        void scheduleTimer(ScheduleTimer effect);

        void cancelTimer(CancelTimer effect);

        void scheduleJob(ScheduleJob effect);

        void cancelJob(CancelJob effect);

        void openIncident(OpenIncident effect);

        void closeIncident(CloseIncident effect);

        void openSubscription(OpenSubscription effect);

        void closeSubscription(CloseSubscription effect);
    }

    /** Arms a timer, or moves an armed one to a new due time (a cycle's next repetition). */
    record ScheduleTimer(String timerId, Instant dueAt) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.scheduleTimer(this);
        }
    }

    /** The timer will not fire any more: it fired for good, or its token moved on or was cancelled. */
    record CancelTimer(String timerId) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.cancelTimer(this);
        }
    }

    /** Makes a job due (new, or again after a failure or a retry): a worker in some pod will run it. */
    record ScheduleJob(String jobId, Instant dueAt) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.scheduleJob(this);
        }
    }

    /** The job is done, has an incident, or its token went away: no worker may run it now. */
    record CancelJob(String jobId) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.cancelJob(this);
        }
    }

    /** The job's attempts ran out: an operator must retry it or resolve it. */
    record OpenIncident(String jobId, String nodeId, String message, int attempts) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.openIncident(this);
        }
    }

    /** The job's incident is over: retried, resolved, or its token went away (interrupted, cancelled). */
    record CloseIncident(String jobId) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.closeIncident(this);
        }
    }

    /** A token now waits for a message: {@code POST /messages} with this name and key will find it. */
    record OpenSubscription(String subscriptionId, String messageName, String correlationKey) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.openSubscription(this);
        }
    }

    /** The subscription is over: its message came, or its token moved on or was cancelled. */
    record CloseSubscription(String subscriptionId) implements Effect {

        @Override
        public void accept(Visitor visitor) {
            visitor.closeSubscription(this);
        }
    }
}
