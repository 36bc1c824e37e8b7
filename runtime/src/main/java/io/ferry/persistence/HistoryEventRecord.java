package io.ferry.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of an instance's append-only history. */
@Entity
@Table(name = "ferry_history_event")
@IdClass(HistoryEventRecord.Key.class)
public class HistoryEventRecord extends PanacheEntityBase {

    @Id
    @Column(name = "instance_id")
    public UUID instanceId;

    @Id
    public long sequence;

    @Column(nullable = false)
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String type;

    @Column(name = "node_id", columnDefinition = "text")
    public String nodeId;

    @Column(name = "token_id", columnDefinition = "text")
    public String tokenId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode data;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "correlation_id", nullable = false, columnDefinition = "text")
    public String correlationId;

    @Column(name = "causation_id", nullable = false, columnDefinition = "text")
    public String causationId;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public UUID instanceId;
        public long sequence;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(instanceId, key.instanceId) && java.util.Objects.equals(sequence, key.sequence);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(instanceId, sequence);
        }
    }
}
