package io.ferry.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Objects;

/**
 * A timer armed for a token. The database keeps a row per timer (instance id and timer id, due
 * time) so that a poller finds it; this is the instance's own record, which decides what firing does.
 *
 * @param id stable within the instance; the row names it
 * @param nodeId the node whose timer it is: the timer catch event the token waits at, or a boundary event
 * @param armedAt when it was armed (for a cycle's later repetition: when the one before was due), so
 *     that a migration can reschedule it by how much time has passed
 * @param dueAt when it fires
 * @param fired how often it has fired already (a cycle fires until its repetitions are used up)
 */
public record Timer(String id, String nodeId, @JsonSerialize(using = ToStringSerializer.class) Instant armedAt,
        @JsonSerialize(using = ToStringSerializer.class) Instant dueAt, int fired) {

    public Timer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(armedAt, "armedAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Due times are stored as ISO 8601 text, exactly as {@link Instant#toString()} writes them. */
    @JsonCreator
    static Timer stored(@JsonProperty("id") String id, @JsonProperty("nodeId") String nodeId,
            @JsonProperty("armedAt") String armedAt, @JsonProperty("dueAt") String dueAt, @JsonProperty("fired") int fired) {
        return new Timer(id, nodeId, Instant.parse(armedAt), Instant.parse(dueAt), fired);
    }

    public Timer withNodeId(String newNodeId) {
        return new Timer(id, newNodeId, armedAt, dueAt, fired);
    }
}
