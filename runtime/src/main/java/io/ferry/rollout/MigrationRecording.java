package io.ferry.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.execution.EngineEvent;
import io.ferry.persistence.IncidentRecord;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.MigrationOnLoad;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * What a migration leaves behind: the {@code InstanceMigrated} event, the {@code MIGRATION_BLOCKED}
 * incident (written in its own transaction, never touching the instance's row), metrics and logs.
 */
@ApplicationScoped
public class MigrationRecording {

    public static final String INSTANCE_MIGRATED = "InstanceMigrated";
    public static final String MIGRATION_BLOCKED = "MIGRATION_BLOCKED";
    private static final Logger LOG = Logger.getLogger(MigrationRecording.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    Mutiny.SessionFactory sessions;

    /** The operation's events, preceded by {@code InstanceMigrated} when loading moved the instance. */
    public static List<EngineEvent> withMigrationEvent(MigrationOnLoad migration, List<EngineEvent> events) {
        if (!(migration instanceof MigrationOnLoad.Applied applied)) {
            return events;
        }
        ObjectNode data = JSON.createObjectNode();
        data.put("fromVersion", applied.fromVersion());
        data.put("toVersion", applied.toVersion());
        data.set("plans", JSON.valueToTree(applied.planFiles()));
        data.set("movedNodeIds", JSON.valueToTree(applied.movedNodeIds()));
        List<EngineEvent> all = new ArrayList<>(events.size() + 1);
        all.add(new EngineEvent(INSTANCE_MIGRATED, null, null, data));
        all.addAll(events);
        return all;
    }

    /** Within the operation's transaction: a migration that went through frees the instance's blocked incidents. */
    public Uni<Void> applied(InstanceRecord instance, MigrationOnLoad migration) {
        if (!(migration instanceof MigrationOnLoad.Applied applied)) {
            return Uni.createFrom().voidItem();
        }
        metrics.counter("ferry.migrations.applied", "process", instance.processId, "from", applied.fromVersion(),
                "to", applied.toVersion()).increment();
        LOG.infof("Migrated instance %s of process '%s' from version %s to %s with %s, moving %s", instance.id,
                instance.processId, applied.fromVersion(), applied.toVersion(), applied.planFiles(), applied.movedNodeIds());
        return IncidentRecord.update("resolvedAt = ?1 where instanceId = ?2 and type = ?3 and resolvedAt is null",
                clock.instant(), instance.id, MIGRATION_BLOCKED).replaceWithVoid();
    }

    /** After the refused operation rolled back: records the incident once, in a session and transaction of its own. */
    public Uni<Void> blocked(UUID instanceId, MigrationRefusal.Blocked blocked) {
        // The refused operation's session and transaction are gone and must not be reused.
        return sessions.openSession().chain(session -> session
                .withTransaction(transaction -> blocked(session, instanceId, blocked))
                .eventually(session::close));
    }

    /** Records the incident once, in the caller's session (the sweep's batch); the instance row is not touched. */
    public Uni<Void> blocked(Mutiny.Session session, UUID instanceId, MigrationRefusal.Blocked blocked) {
        String message = blocked.problem().detail();
        LOG.warnf("Migration blocked: %s", message);
        metrics.counter("ferry.migrations.blocked", "process",
                String.valueOf(blocked.problem().extensions().get("processId"))).increment();
        return session.createQuery("select count(*) from IncidentRecord where instanceId = ?1 and type = ?2 "
                        + "and message = ?3 and resolvedAt is null", Long.class)
                .setParameter(1, instanceId).setParameter(2, MIGRATION_BLOCKED).setParameter(3, message)
                .getSingleResult()
                .chain(open -> open > 0 ? Uni.createFrom().voidItem() : session.persist(incident(instanceId, blocked)));
    }

    private IncidentRecord incident(UUID instanceId, MigrationRefusal.Blocked blocked) {
        IncidentRecord incident = new IncidentRecord();
        incident.instanceId = instanceId;
        incident.id = UUID.randomUUID();
        incident.type = MIGRATION_BLOCKED;
        incident.message = blocked.problem().detail();
        incident.nodeIds = JSON.valueToTree(blocked.nodeIds()).toString();
        incident.createdAt = clock.instant();
        return incident;
    }
}
