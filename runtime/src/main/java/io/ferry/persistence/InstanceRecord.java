package io.ferry.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.state.InstanceState;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ferry_instance}: the snapshot plus the columns list queries filter on.
 * {@code revision} is the optimistic lock: {@link InstanceStore} stores a change only under the
 * revision it was read at, so a concurrent update of the same instance fails instead of being lost.
 */
public class InstanceRecord {

    public UUID id;
    public String processId;
    public String processVersion;
    public String status;
    public String businessKey;
    public String correlationId;
    /** The marshalled {@link io.ferry.state.InstanceState}. */
    public JsonNode state;
    public long revision;
    public long historyLength;
    public Instant createdAt;
    public Instant updatedAt;

    /** Another row with the same columns, which the next operation on either may change without touching this one. */
    public InstanceRecord copy() {
        InstanceRecord copy = new InstanceRecord();
        copy.id = id;
        copy.processId = processId;
        copy.processVersion = processVersion;
        copy.status = status;
        copy.businessKey = businessKey;
        copy.correlationId = correlationId;
        copy.state = state;
        copy.revision = revision;
        copy.historyLength = historyLength;
        copy.createdAt = createdAt;
        copy.updatedAt = updatedAt;
        return copy;
    }

    /** Stores a new state in this row: the snapshot and the columns list queries filter on. */
    public void hold(InstanceState newState, JsonNode snapshot, Instant now) {
        processId = newState.processId();
        processVersion = newState.version();
        status = newState.status().name();
        state = snapshot;
        updatedAt = now;
    }
}
