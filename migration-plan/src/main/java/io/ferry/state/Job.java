package io.ferry.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Objects;

/**
 * The job of a token waiting at a service task: its handler's call, retried until it succeeds or
 * its attempts run out. The database keeps a row per job that is due (instance id and the token's
 * id, which is the job's id and, with the instance id, its idempotency key); this is the instance's
 * own record of it. The node it runs for is the token's, so a migration moves it with the token.
 *
 * @param attempts how many calls of the handler have failed so far
 * @param extraAttempts attempts an operator granted beyond the task's retries (incident retried)
 * @param dueAt when the next attempt may start; null while the job has an incident
 * @param lastError the last failure's message, null before the first
 * @param incident whether the attempts ran out and an operator must retry or resolve it
 */
public record Job(int attempts, int extraAttempts, @JsonSerialize(using = ToStringSerializer.class) Instant dueAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastError, boolean incident) {

    public Job {
        if (!incident) {
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** A job just created: due at once. */
    public static Job dueAt(Instant dueAt) {
        return new Job(0, 0, dueAt, null, false);
    }

    @JsonCreator
    static Job stored(@JsonProperty("attempts") int attempts, @JsonProperty("extraAttempts") int extraAttempts,
            @JsonProperty("dueAt") String dueAt, @JsonProperty("lastError") String lastError,
            @JsonProperty("incident") boolean incident) {
        return new Job(attempts, extraAttempts, dueAt == null ? null : Instant.parse(dueAt), lastError, incident);
    }
}
