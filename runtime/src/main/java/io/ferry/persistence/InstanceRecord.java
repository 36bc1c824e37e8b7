package io.ferry.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.state.InstanceState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stored instance: the snapshot plus the columns list queries filter on. {@code revision} is
 * the optimistic lock: a concurrent update of the same instance fails instead of being lost.
 */
@Entity
@Table(name = "ferry_instance")
public class InstanceRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "process_id", nullable = false, columnDefinition = "text")
    public String processId;

    @Column(name = "process_version", nullable = false, columnDefinition = "text")
    public String processVersion;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(name = "business_key", columnDefinition = "text")
    public String businessKey;

    @Column(name = "correlation_id", nullable = false, columnDefinition = "text")
    public String correlationId;

    /** The marshalled {@link io.ferry.state.InstanceState}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode state;

    @Version
    public long revision;

    @Column(name = "history_length", nullable = false)
    public long historyLength;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Stores a new state in this row: the snapshot and the columns list queries filter on. */
    public void hold(InstanceState newState, JsonNode snapshot, Instant now) {
        processId = newState.processId();
        processVersion = newState.version();
        status = newState.status().name();
        state = snapshot;
        updatedAt = now;
    }
}
