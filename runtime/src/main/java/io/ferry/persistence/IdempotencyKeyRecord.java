package io.ferry.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Remembers which instance a start request's Idempotency-Key created. */
@Entity
@Table(name = "ferry_idempotency_key")
@IdClass(IdempotencyKeyRecord.Key.class)
public class IdempotencyKeyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "process_id", columnDefinition = "text")
    public String processId;

    @Id
    @Column(name = "idempotency_key", columnDefinition = "text")
    public String idempotencyKey;

    @Column(name = "instance_id", nullable = false)
    public UUID instanceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public String processId;
        public String idempotencyKey;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(processId, key.processId) && java.util.Objects.equals(idempotencyKey, key.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(processId, idempotencyKey);
        }
    }
}
