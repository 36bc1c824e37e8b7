package io.ferry.execution;

import java.time.Instant;

/**
 * What an operation asks of the world besides storing the new state, written by the persistence
 * layer in the operation's own transaction: nothing of it happens when the operation is refused
 * or loses a race.
 */
public sealed interface Effect {

    /** Arms a timer, or moves an armed one to a new due time (a cycle's next repetition). */
    record ScheduleTimer(String timerId, Instant dueAt) implements Effect {
    }

    /** The timer will not fire any more: it fired for good, or its token moved on or was cancelled. */
    record CancelTimer(String timerId) implements Effect {
    }
}
