package io.ferry.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ferry_timer} or {@code ferry_job} to write with an instance: due at {@code dueAt}
 * (armed, re-armed, scheduled again), or dropped when {@code dueAt} is null.
 *
 * @param id the timer's id, or the job's (its token's id)
 */
public record DueChange(UUID instanceId, String id, Instant dueAt) {
}
