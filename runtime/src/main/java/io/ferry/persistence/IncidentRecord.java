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

/**
 * Something an operator must look at. Kept apart from the snapshot so that recording an incident
 * never touches the instance's stored state.
 */
@Entity
@Table(name = "ferry_incident")
@IdClass(IncidentRecord.Key.class)
public class IncidentRecord extends PanacheEntityBase {

    @Id
    @Column(name = "instance_id")
    public UUID instanceId;

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String message;

    /** The node ids concerned, as a JSON array (text: Hibernate Reactive maps only JSON objects to jsonb). */
    @Column(name = "node_ids", nullable = false, columnDefinition = "text")
    public String nodeIds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public UUID instanceId;
        public UUID id;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(instanceId, key.instanceId) && java.util.Objects.equals(id, key.id);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(instanceId, id);
        }
    }
}
