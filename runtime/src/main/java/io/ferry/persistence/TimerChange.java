package io.ferry.persistence;

import io.ferry.execution.Effect;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One timer row to write with an instance: armed (or re-armed) for {@code dueAt}, or dropped when
 * {@code dueAt} is null.
 */
public record TimerChange(UUID instanceId, String timerId, Instant dueAt) {

    /** The rows an operation's effects ask for. */
    public static List<TimerChange> of(UUID instanceId, List<Effect> effects) {
        return effects.stream().map(effect -> {
            if (effect instanceof Effect.ScheduleTimer schedule) {
                return new TimerChange(instanceId, schedule.timerId(), schedule.dueAt());
            }
            return new TimerChange(instanceId, ((Effect.CancelTimer) effect).timerId(), null);
        }).toList();
    }
}
