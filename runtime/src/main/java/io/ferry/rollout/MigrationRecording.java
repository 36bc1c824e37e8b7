package io.ferry.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.execution.EngineEvent;
import io.ferry.persistence.IncidentRecord;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.MigrationOnLoad;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a migration leaves behind: the {@code InstanceMigrated} event, the {@code MIGRATION_BLOCKED}
 * incident (written apart from the instance's row, which it never touches), metrics and logs.
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
    InstanceStore store;

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
        if (!applied.rescheduled().isEmpty()) {
            // The timers whose due time the plans set: rescheduled, restarted, or armed for a boundary event new to the task.
            ArrayNode timers = data.putArray("timers");
            applied.rescheduled().forEach(timer -> timers.addObject().put("timerId", timer.id()).put("nodeId", timer.nodeId())
                    .put("armedAt", timer.armedAt().toString()).put("dueAt", timer.dueAt().toString()));
        }
        if (!applied.opened().isEmpty()) {
            // The message boundary events new to a waiting task, subscribed at the migration.
            ArrayNode subscriptions = data.putArray("subscriptions");
            applied.opened().forEach(subscription -> subscriptions.addObject().put("subscriptionId", subscription.id())
                    .put("nodeId", subscription.nodeId()).put("messageName", subscription.messageName())
                    .put("correlationKey", subscription.correlationKey()));
        }
        List<EngineEvent> all = new ArrayList<>(events.size() + 1);
        all.add(new EngineEvent(INSTANCE_MIGRATED, null, null, data));
        all.addAll(events);
        return all;
    }

    /** Counts and logs a migration that went through; the statement storing it resolved the instance's blocked incidents. */
    public void applied(InstanceRecord instance, MigrationOnLoad migration) {
        if (!(migration instanceof MigrationOnLoad.Applied applied)) {
            return;
        }
        count(instance.processId, applied);
        LOG.infof("Migrated instance %s of process '%s' from version %s to %s with %s, moving %s", instance.id,
                instance.processId, applied.fromVersion(), applied.toVersion(), applied.planFiles(), applied.movedNodeIds());
    }

    /** Counts the migrations of one sweep batch of a process, and logs them in one line per version step. */
    public void swept(String processId, List<MigrationOnLoad.Applied> migrations) {
        Map<String, Integer> steps = new TreeMap<>();
        for (MigrationOnLoad.Applied applied : migrations) {
            count(processId, applied);
            steps.merge("from version " + applied.fromVersion() + " to " + applied.toVersion(), 1, Integer::sum);
        }
        steps.forEach((step, count) -> LOG.infof("Sweep migrated %d instances of process '%s' %s", count, processId, step));
    }

    private void count(String processId, MigrationOnLoad.Applied applied) {
        metrics.counter("ferry.migrations.applied", "process", processId, "from", applied.fromVersion(),
                "to", applied.toVersion()).increment();
    }

    /** After the refused operation stored nothing: records the incident once, in a statement of its own. */
    public Uni<Void> blocked(InstanceRecord instance, MigrationRefusal refusal) {
        return store.openIncidents(store.pool(), List.of(incident(instance, refusal)), clock.instant());
    }

    /**
     * The incident a blocked migration opens (unless the same one is open), counted and logged; the
     * instance row is never touched.
     */
    public IncidentRecord incident(InstanceRecord instance, MigrationRefusal refusal) {
        String message = refusal.problem().detail();
        LOG.warnf("Migration blocked: %s", message);
        metrics.counter("ferry.migrations.blocked", "process", instance.processId).increment();
        IncidentRecord incident = new IncidentRecord();
        incident.instanceId = instance.id;
        incident.id = UUID.randomUUID();
        incident.type = MIGRATION_BLOCKED;
        incident.message = message;
        incident.nodeIds = JSON.valueToTree(refusal.unplacedNodeIds()).toString();
        incident.createdAt = clock.instant();
        return incident;
    }
}
