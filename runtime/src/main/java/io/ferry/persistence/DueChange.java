package io.ferry.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ferry_timer} or {@code ferry_job} to write with an instance: due at {@code dueAt}
 * (armed, re-armed, scheduled again), or dropped when {@code dueAt} is null.
 *
 * @param id the timer's id, or the job's (its token's id)
 * @param claimedUntil for a job the operation hands to its own pod's workers: claimed by that pod until then, as
 *        a worker's claim would; null for a row any pod may claim once due
 */
public record DueChange(UUID instanceId, String id, Instant dueAt, Instant claimedUntil) {

    /** A row any pod may claim once due. */
    public DueChange(UUID instanceId, String id, Instant dueAt) {
        this(instanceId, id, dueAt, null);
    }

    /** This row, claimed by the writing pod until {@code until}. */
    public DueChange claimedUntil(Instant until) {
        return new DueChange(instanceId, id, dueAt, until);
    }
}
