package io.ferry.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.input.FerryJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The write path and the instance reads it needs, in as few statements as the work allows.
 *
 * <p>An operation reads its instance with one statement (row, open incidents and applied migrations
 * together) outside any transaction, and stores its whole outcome with one statement: the snapshot
 * under the revision check it read, the history rows, the timer and job rows its effects ask for, the
 * job incidents they open and close, and the incidents a migration resolves. One
 * statement is one transaction, so nothing of a refused or raced operation is ever stored, and an
 * operation holds no lock before the instance row's own: the row is always locked first, so an
 * operation and a sweep can wait for each other but never in a cycle.
 *
 * <p>Snapshots and history data travel as JSON text, parsed and written by Ferry's exact mapper only.
 */
@ApplicationScoped
public class InstanceStore {

    private static final String ROW = """
            i.id, i.process_id, i.process_version, i.status, i.business_key, i.correlation_id, i.state::text as state,
            i.revision, i.history_length, i.created_at, i.updated_at""";
    /**
     * What an operation reads of an instance {@code i}: its row, its open incidents and its applied migrations (the
     * select list of {@link #LOAD}, and of the job claim that reads the claimed jobs' instances with it).
     */
    static final String LOADED = """
            %s,
                (select json_agg(json_build_object('id', c.id, 'type', c.type, 'message', c.message,
                                 'nodeIds', c.node_ids, 'jobId', c.job_id, 'createdAt', c.created_at) order by c.created_at, c.id)
                 from ferry_incident c where c.instance_id = i.id and c.resolved_at is null)::text as incidents,
                (select json_agg(json_build_object('sequence', h.sequence, 'data', h.data, 'occurredAt', h.occurred_at)
                                 order by h.sequence)
                 from ferry_history_event h where h.instance_id = i.id and h.type = 'InstanceMigrated')::text as migrations"""
            .formatted(ROW);
    /** Public, like {@link #CREATE} and {@link #WRITE}, so that the benchmark's ceiling replays these very statements. */
    public static final String LOAD = """
            select %s
            from ferry_instance i where i.id = $1""".formatted(LOADED);
    private static final String FIND_BY_IDEMPOTENCY_KEY = """
            select instance_id from ferry_idempotency_key where process_id = $1 and idempotency_key = $2""";
    /** Active instances of one process not at the deployed version, after a cursor, locked for a sweep batch. */
    private static final String LOCK_OLD_VERSIONS = """
            select %s from ferry_instance i
            where i.process_id = $1 and i.process_version <> $2 and i.status = 'ACTIVE' and i.id > $3
            order by i.id
            limit $4
            for no key update skip locked""".formatted(ROW);
    /** Appends the history rows of the instances a previous part of the statement wrote ({@code %1$s}). */
    private static final String APPEND = """
            appended as (
                insert into ferry_history_event (instance_id, sequence, id, type, node_id, token_id, data, occurred_at,
                                                 correlation_id, causation_id)
                select e.instance_id, e.sequence, e.id, e.type, e.node_id, e.token_id, e.data::jsonb, $1,
                       %1$s.correlation_id, e.causation_id
                from unnest(%2$s::uuid[], %3$s::bigint[], %4$s::uuid[], %5$s::text[], %6$s::text[], %7$s::text[],
                            %8$s::text[], %9$s::text[])
                     as e(instance_id, sequence, id, type, node_id, token_id, data, causation_id)
                join %1$s on %1$s.id = e.instance_id)""";
    /**
     * Makes due, again or anew, and drops the rows of one kind ({@code %2$s}: timers or jobs, named
     * by {@code %3$s}) of the instances a previous part of the statement wrote ({@code %1$s}); a row
     * made due again is free to be claimed again, unless the operation claims it for its own pod's
     * workers ({@code %9$s}: the claims, one per row made due, null for none; {@code null} for timers).
     */
    private static final String DUE_ROWS = """
            %2$s_set as (
                insert into ferry_%2$s (instance_id, %3$s, due_at, claimed_until)
                select t.instance_id, t.id, t.due_at, t.claimed_until
                from unnest(%4$s::uuid[], %5$s::text[], %6$s::timestamptz[], %9$s::timestamptz[])
                     as t(instance_id, id, due_at, claimed_until)
                join %1$s on %1$s.id = t.instance_id
                on conflict (instance_id, %3$s) do update set due_at = excluded.due_at, claimed_until = excluded.claimed_until),
            %2$s_dropped as (
                delete from ferry_%2$s d
                using unnest(%7$s::uuid[], %8$s::text[]) as t(instance_id, id), %1$s
                where d.instance_id = t.instance_id and d.%3$s = t.id and %1$s.id = t.instance_id)""";
    /** Opens and closes the job incidents of the instances the statement wrote. */
    private static final String JOB_INCIDENTS = """
            incidents_opened as (
                insert into ferry_incident (instance_id, id, type, message, node_ids, created_at, job_id, attempts)
                select n.instance_id, n.id, 'JOB_FAILED', n.message, json_build_array(n.node_id)::text, $1, n.job_id, n.attempts
                from unnest(%1$s::uuid[], %2$s::uuid[], %3$s::text[], %4$s::text[], %5$s::text[], %6$s::int[])
                     as n(instance_id, id, job_id, node_id, message, attempts)
                join changed on changed.id = n.instance_id),
            incidents_closed as (
                update ferry_incident f set resolved_at = $1
                from unnest(%7$s::uuid[], %8$s::text[]) as n(instance_id, job_id), changed
                where f.instance_id = n.instance_id and f.job_id = n.job_id and f.resolved_at is null
                  and changed.id = n.instance_id)""";
    /** Opens and closes the message subscriptions of the instances a previous part of the statement wrote ({@code %1$s}). */
    private static final String SUBSCRIPTIONS = """
            subscriptions_opened as (
                insert into ferry_subscription (instance_id, subscription_id, message_name, correlation_key, created_at)
                select o.instance_id, o.id, o.name, o.key, $1
                from unnest(%2$s::uuid[], %3$s::text[], %4$s::text[], %5$s::text[]) as o(instance_id, id, name, key)
                join %1$s on %1$s.id = o.instance_id),
            subscriptions_closed as (
                delete from ferry_subscription d
                using unnest(%6$s::uuid[], %7$s::text[]) as c(instance_id, id), %1$s
                where d.instance_id = c.instance_id and d.subscription_id = c.id and %1$s.id = c.instance_id)""";
    /**
     * Remembers the id of the message the statement delivers ({@code %2$s}); a message id delivered
     * before fails the whole statement on the receipt's key, so nothing of it is stored.
     */
    private static final String RECEIPT = """
            receipt as (
                insert into ferry_message_receipt (message_id, instance_id, received_at)
                select %2$s::text, id, $1 from %1$s where %2$s::text is not null)""";
    public static final String CREATE = """
            with created as (
                insert into ferry_instance (id, process_id, process_version, status, business_key, correlation_id, state,
                                            revision, history_length, created_at, updated_at)
                values ($2, $3, $4, $5, $6, $7, $8::text::jsonb, 0, $9, $1, $1)
                returning id, correlation_id),
            remembered as (
                insert into ferry_idempotency_key (process_id, idempotency_key, instance_id, created_at)
                select $3, $10::text, id, $1 from created where $10::text is not null),
            %s,
            %s,
            %s,
            %s,
            %s
            select id from created""".formatted(APPEND.formatted("created", "$11", "$12", "$13", "$14", "$15", "$16", "$17", "$18"),
            DUE_ROWS.formatted("created", "timer", "timer_id", "$19", "$20", "$21", "$22", "$23", "null"),
            DUE_ROWS.formatted("created", "job", "job_id", "$24", "$25", "$26", "$27", "$28", "$36"),
            SUBSCRIPTIONS.formatted("created", "$29", "$30", "$31", "$32", "$33", "$34"),
            RECEIPT.formatted("created", "$35"));
    /**
     * Stores changed instances under the revision each was read at; a row another operation changed
     * since is left alone (and its history, timers, jobs, incidents and subscriptions not written), so
     * the ids returned say which were stored. A change that delivers a buffered message ({@code $43})
     * is stored only if this statement consumed the message; a delivery is written alone.
     */
    public static final String WRITE = """
            with consumed as (
                delete from ferry_message where id = $43::uuid returning id),
            changed as (
                update ferry_instance i set process_id = c.process_id, process_version = c.process_version,
                    status = c.status, state = c.state::jsonb, revision = i.revision + 1,
                    history_length = c.history_length, updated_at = $1
                from unnest($2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
                            $9::boolean[])
                     as c(id, revision, process_id, process_version, status, state, history_length, migrated)
                where i.id = c.id and i.revision = c.revision
                  and ($43::uuid is null or exists (select 1 from consumed))
                returning i.id, i.correlation_id, c.migrated),
            resolved as (
                update ferry_incident set resolved_at = $1
                where instance_id in (select id from changed where migrated) and type = 'MIGRATION_BLOCKED'
                  and resolved_at is null),
            %s,
            %s,
            %s,
            %s,
            %s,
            %s
            select id from changed""".formatted(APPEND.formatted("changed", "$10", "$11", "$12", "$13", "$14", "$15", "$16", "$17"),
            DUE_ROWS.formatted("changed", "timer", "timer_id", "$18", "$19", "$20", "$21", "$22", "null"),
            DUE_ROWS.formatted("changed", "job", "job_id", "$23", "$24", "$25", "$26", "$27", "$44"),
            JOB_INCIDENTS.formatted("$28", "$29", "$30", "$31", "$32", "$33", "$34", "$35"),
            SUBSCRIPTIONS.formatted("changed", "$36", "$37", "$38", "$39", "$40", "$41"),
            RECEIPT.formatted("changed", "$42"));
    /** Opens an incident unless the same one is open already. */
    private static final String OPEN_INCIDENTS = """
            insert into ferry_incident (instance_id, id, type, message, node_ids, created_at)
            select n.instance_id, n.id, n.type, n.message, n.node_ids, $1
            from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) as n(instance_id, id, type, message, node_ids)
            where not exists (select 1 from ferry_incident o where o.instance_id = n.instance_id and o.type = n.type
                              and o.message = n.message and o.resolved_at is null)""";

    @Inject
    Pool pool;

    /** The instance with its open incidents and applied migrations, or null when there is none. */
    public Uni<StoredInstance> load(UUID id) {
        return pool.preparedQuery(LOAD).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            return stored(rows.iterator().next());
        });
    }

    /** The instance a row of {@link #LOADED}'s columns holds. */
    static StoredInstance stored(Row row) {
        InstanceRecord instance = instance(row);
        return new StoredInstance(instance, incidents(instance.id, row.getString("incidents")),
                migrations(instance.id, row.getString("migrations")));
    }

    /** The instance an earlier start with this Idempotency-Key created, or null. */
    public Uni<UUID> startedWith(String processId, String idempotencyKey) {
        return pool.preparedQuery(FIND_BY_IDEMPOTENCY_KEY).execute(Tuple.of(processId, idempotencyKey))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("instance_id"));
    }

    /**
     * Stores a new instance with its history and, when given, the Idempotency-Key that started it. A
     * start that lost the race for the key fails with the key's unique violation and stores nothing.
     */
    public Uni<Void> create(InstanceRecord instance, List<HistoryEventRecord> events, EffectRows effects,
            String idempotencyKey, String messageId) {
        List<Object> parameters = new ArrayList<>(List.of(timestamp(instance.createdAt), instance.id, instance.processId,
                instance.processVersion, instance.status));
        parameters.add(instance.businessKey);
        parameters.add(instance.correlationId);
        parameters.add(text(instance.state));
        parameters.add(instance.historyLength);
        parameters.add(idempotencyKey);
        addEvents(parameters, events);
        parameters.addAll(dueColumns(effects.timers()));
        parameters.addAll(dueColumns(effects.jobs()));
        parameters.addAll(subscriptionColumns(effects.subscriptions()));
        parameters.add(messageId);
        parameters.add(claimColumn(effects.jobs()));
        return pool.preparedQuery(CREATE).execute(Tuple.from(parameters)).replaceWithVoid();
    }

    /** Stores the changes, each under its revision check; returns the ids of the instances stored. */
    public Uni<List<UUID>> write(SqlClient client, List<InstanceChange> changes, Instant now) {
        int size = changes.size();
        UUID[] ids = new UUID[size];
        Long[] revisions = new Long[size];
        String[] processIds = new String[size];
        String[] versions = new String[size];
        String[] statuses = new String[size];
        String[] states = new String[size];
        Long[] historyLengths = new Long[size];
        Boolean[] migrated = new Boolean[size];
        List<HistoryEventRecord> events = new ArrayList<>();
        List<DueChange> timers = new ArrayList<>();
        List<DueChange> jobs = new ArrayList<>();
        List<IncidentChange> incidents = new ArrayList<>();
        List<SubscriptionChange> subscriptions = new ArrayList<>();
        MessageDelivery delivery = MessageDelivery.NONE;
        for (int i = 0; i < size; i++) {
            InstanceChange change = changes.get(i);
            InstanceRecord row = change.row();
            ids[i] = row.id;
            revisions[i] = row.revision;
            processIds[i] = row.processId;
            versions[i] = row.processVersion;
            statuses[i] = row.status;
            states[i] = text(row.state);
            historyLengths[i] = row.historyLength;
            migrated[i] = change.migrated();
            events.addAll(change.events());
            timers.addAll(change.effects().timers());
            jobs.addAll(change.effects().jobs());
            incidents.addAll(change.effects().incidents());
            subscriptions.addAll(change.effects().subscriptions());
            if (change.delivery() != MessageDelivery.NONE) {
                if (size > 1) {
                    throw new IllegalArgumentException("a change that delivers a message is written alone");
                }
                delivery = change.delivery();
            }
        }
        List<Object> parameters = new ArrayList<>(List.of(timestamp(now), ids, revisions, processIds, versions, statuses,
                states, historyLengths, migrated));
        addEvents(parameters, events);
        parameters.addAll(dueColumns(timers));
        parameters.addAll(dueColumns(jobs));
        parameters.addAll(incidentColumns(incidents));
        parameters.addAll(subscriptionColumns(subscriptions));
        parameters.add(delivery.messageId());
        parameters.add(delivery.bufferedId());
        parameters.add(claimColumn(jobs));
        return client.preparedQuery(WRITE).execute(Tuple.from(parameters)).map(InstanceStore::ids);
    }

    /** Stores one instance's change in a statement of its own; false when another operation changed it first. */
    public Uni<Boolean> write(InstanceChange change, Instant now) {
        return write(pool, List.of(change), now).map(stored -> stored.size() == 1);
    }

    /** Locks up to {@code limit} active instances of a process stored at another version, after {@code cursor}, skipping locked ones. */
    public Uni<List<InstanceRecord>> lockOldVersions(SqlClient client, String processId, String version, UUID cursor, int limit) {
        return client.preparedQuery(LOCK_OLD_VERSIONS).execute(Tuple.of(processId, version, cursor, limit))
                .map(rows -> {
                    List<InstanceRecord> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(instance(row)));
                    return found;
                });
    }

    /** Opens each incident unless the same one (instance, type, message) is open already. */
    public Uni<Void> openIncidents(SqlClient client, List<IncidentRecord> incidents, Instant now) {
        if (incidents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = incidents.size();
        UUID[] instanceIds = new UUID[size];
        UUID[] ids = new UUID[size];
        String[] types = new String[size];
        String[] messages = new String[size];
        String[] nodeIds = new String[size];
        for (int i = 0; i < size; i++) {
            IncidentRecord incident = incidents.get(i);
            instanceIds[i] = incident.instanceId;
            ids[i] = incident.id;
            types[i] = incident.type;
            messages[i] = incident.message;
            nodeIds[i] = incident.nodeIds;
        }
        return client.preparedQuery(OPEN_INCIDENTS)
                .execute(Tuple.from(List.of(timestamp(now), instanceIds, ids, types, messages, nodeIds)))
                .replaceWithVoid();
    }

    /** The pool the store uses, for a caller that needs several statements in one transaction (the sweep). */
    public Pool pool() {
        return pool;
    }

    private static void addEvents(List<Object> parameters, List<HistoryEventRecord> events) {
        parameters.addAll(historyColumns(events));
    }

    /**
     * The history rows as the statements bind them: one array per column (instance id, sequence, id,
     * type, node id, token id, data as JSON text, causation id).
     */
    public static List<Object> historyColumns(List<HistoryEventRecord> events) {
        int size = events.size();
        UUID[] instanceIds = new UUID[size];
        Long[] sequences = new Long[size];
        UUID[] ids = new UUID[size];
        String[] types = new String[size];
        String[] nodeIds = new String[size];
        String[] tokenIds = new String[size];
        String[] data = new String[size];
        String[] causationIds = new String[size];
        for (int i = 0; i < size; i++) {
            HistoryEventRecord event = events.get(i);
            instanceIds[i] = event.instanceId;
            sequences[i] = event.sequence;
            ids[i] = event.id;
            types[i] = event.type;
            nodeIds[i] = event.nodeId;
            tokenIds[i] = event.tokenId;
            data[i] = event.data == null ? null : text(event.data);
            causationIds[i] = event.causationId;
        }
        return List.of(instanceIds, sequences, ids, types, nodeIds, tokenIds, data, causationIds);
    }

    /**
     * Timer or job rows as the statements bind them: instance ids, ids and due times of the rows to
     * make due, then instance ids and ids of those to drop.
     */
    public static List<Object> dueColumns(List<DueChange> rows) {
        List<DueChange> due = rows.stream().filter(row -> row.dueAt() != null).toList();
        List<DueChange> dropped = rows.stream().filter(row -> row.dueAt() == null).toList();
        return List.of(
                due.stream().map(DueChange::instanceId).toArray(UUID[]::new),
                due.stream().map(DueChange::id).toArray(String[]::new),
                due.stream().map(row -> timestamp(row.dueAt())).toArray(OffsetDateTime[]::new),
                dropped.stream().map(DueChange::instanceId).toArray(UUID[]::new),
                dropped.stream().map(DueChange::id).toArray(String[]::new));
    }

    /**
     * The claims of the job rows made due, as the statements bind them after all other parameters: one per row of
     * {@link #dueColumns}' first three arrays, null where the row is free for any pod's workers.
     */
    public static OffsetDateTime[] claimColumn(List<DueChange> rows) {
        return rows.stream().filter(row -> row.dueAt() != null)
                .map(row -> row.claimedUntil() == null ? null : timestamp(row.claimedUntil())).toArray(OffsetDateTime[]::new);
    }

    /**
     * Subscriptions as the statements bind them: instance ids, ids, message names and keys of those
     * to open, then instance ids and ids of those to close.
     */
    public static List<Object> subscriptionColumns(List<SubscriptionChange> subscriptions) {
        List<SubscriptionChange> opened = subscriptions.stream().filter(SubscriptionChange::opened).toList();
        List<SubscriptionChange> closed = subscriptions.stream().filter(change -> !change.opened()).toList();
        return List.of(
                opened.stream().map(SubscriptionChange::instanceId).toArray(UUID[]::new),
                opened.stream().map(SubscriptionChange::subscriptionId).toArray(String[]::new),
                opened.stream().map(SubscriptionChange::messageName).toArray(String[]::new),
                opened.stream().map(SubscriptionChange::correlationKey).toArray(String[]::new),
                closed.stream().map(SubscriptionChange::instanceId).toArray(UUID[]::new),
                closed.stream().map(SubscriptionChange::subscriptionId).toArray(String[]::new));
    }

    /**
     * Job incidents as the write binds them: instance ids, new incident ids, job ids, node ids,
     * messages and attempts of those to open, then instance ids and job ids of those to close.
     */
    public static List<Object> incidentColumns(List<IncidentChange> incidents) {
        List<IncidentChange> opened = incidents.stream().filter(IncidentChange::open).toList();
        List<IncidentChange> closed = incidents.stream().filter(incident -> !incident.open()).toList();
        return List.of(
                opened.stream().map(IncidentChange::instanceId).toArray(UUID[]::new),
                opened.stream().map(IncidentChange::id).toArray(UUID[]::new),
                opened.stream().map(IncidentChange::jobId).toArray(String[]::new),
                opened.stream().map(IncidentChange::nodeId).toArray(String[]::new),
                opened.stream().map(IncidentChange::message).toArray(String[]::new),
                opened.stream().map(IncidentChange::attempts).toArray(Integer[]::new),
                closed.stream().map(IncidentChange::instanceId).toArray(UUID[]::new),
                closed.stream().map(IncidentChange::jobId).toArray(String[]::new));
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>(rows.size());
        rows.forEach(row -> ids.add(row.getUUID("id")));
        return ids;
    }

    private static InstanceRecord instance(Row row) {
        InstanceRecord instance = new InstanceRecord();
        instance.id = row.getUUID("id");
        instance.processId = row.getString("process_id");
        instance.processVersion = row.getString("process_version");
        instance.status = row.getString("status");
        instance.businessKey = row.getString("business_key");
        instance.correlationId = row.getString("correlation_id");
        instance.state = tree(instance.id, row.getString("state"));
        instance.revision = row.getLong("revision");
        instance.historyLength = row.getLong("history_length");
        instance.createdAt = row.getOffsetDateTime("created_at").toInstant();
        instance.updatedAt = row.getOffsetDateTime("updated_at").toInstant();
        return instance;
    }

    private static List<IncidentRecord> incidents(UUID instanceId, String json) {
        if (json == null) {
            return List.of();
        }
        List<IncidentRecord> incidents = new ArrayList<>();
        for (JsonNode found : tree(instanceId, json)) {
            IncidentRecord incident = new IncidentRecord();
            incident.instanceId = instanceId;
            incident.id = UUID.fromString(found.get("id").asText());
            incident.type = found.get("type").asText();
            incident.message = found.get("message").asText();
            incident.nodeIds = found.get("nodeIds").asText();
            incident.jobId = found.path("jobId").isNull() ? null : found.path("jobId").asText(null);
            incident.createdAt = instant(found.get("createdAt"));
            incidents.add(incident);
        }
        return incidents;
    }

    private static List<HistoryEventRecord> migrations(UUID instanceId, String json) {
        if (json == null) {
            return List.of();
        }
        List<HistoryEventRecord> migrations = new ArrayList<>();
        for (JsonNode found : tree(instanceId, json)) {
            HistoryEventRecord event = new HistoryEventRecord();
            event.instanceId = instanceId;
            event.sequence = found.get("sequence").asLong();
            event.type = "InstanceMigrated";
            event.data = found.get("data");
            event.occurredAt = instant(found.get("occurredAt"));
            migrations.add(event);
        }
        return migrations;
    }

    private static Instant instant(JsonNode timestamp) {
        return OffsetDateTime.parse(timestamp.asText()).toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static JsonNode tree(UUID instanceId, String json) {
        try {
            return FerryJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Instance " + instanceId + " has stored JSON Ferry cannot read: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode json) {
        try {
            return FerryJson.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }
}
