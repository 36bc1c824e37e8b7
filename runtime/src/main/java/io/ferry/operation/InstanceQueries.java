package io.ferry.operation;

import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.StoredInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Read-only queries, one statement each. They never write, so a read can never change an instance. */
@ApplicationScoped
public class InstanceQueries {

    /**
     * One page of the instances a filter ({@code %s}: a WHERE of fixed clauses, values bound from $3 on)
     * matches, oldest first, each row with the count of all that match. A page past the end is one row
     * with the count and no instance, so the count is read in the same statement as the page.
     */
    private static final String LIST = """
            select m.total, p.id, p.process_id, p.process_version, p.status, p.business_key, p.revision, p.created_at,
                   p.updated_at
            from (select count(*) as total from ferry_instance i %1$s) m
            left join lateral (select i.id, i.process_id, i.process_version, i.status, i.business_key, i.revision,
                                      i.created_at, i.updated_at
                               from ferry_instance i %1$s
                               order by i.created_at, i.id
                               limit $1 offset $2) p on true
            order by p.created_at, p.id""";
    /** The instance's history, oldest first; no row when there is no such instance, one without an event when it has none. */
    private static final String HISTORY = """
            select %s
            from ferry_instance i left join ferry_history_event h on h.instance_id = i.id
            where i.id = $1
            order by h.sequence""".formatted(HistoryEventRecord.COLUMNS);

    /** Filters of the instance list; null or blank means "any". */
    public record Filter(String processId, String version, String status, String businessKey) {
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    /** An instance as the list shows it: its columns without the snapshot. */
    public record ListedInstance(UUID id, String processId, String version, String status, String businessKey,
            long revision, Instant createdAt, Instant updatedAt) {
    }

    /** A statement with its parameters, as the list builds it. */
    public record Statement(String sql, Tuple parameters) {
    }

    @Inject
    InstanceStore store;
    @Inject
    Pool pool;

    /** The instance with what its view lists besides its state, in one statement. */
    public Uni<OperationResult<StoredInstance>> instance(UUID id) {
        return store.load(id).map(found -> found == null ? OperationResult.<StoredInstance>refused(InstanceProblems.unknownInstance(id))
                : OperationResult.done(found));
    }

    public Uni<PageOf<ListedInstance>> instances(Filter filter, int page, int size) {
        Statement list = list(filter, page, size);
        return pool.preparedQuery(list.sql()).execute(list.parameters()).map(rows -> {
            List<ListedInstance> items = new ArrayList<>(rows.size());
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                if (row.getUUID("id") != null) {
                    items.add(listed(row));
                }
            }
            return new PageOf<>(items, page, size, total);
        });
    }

    /** The list's statement: the WHERE is made of fixed clauses only, every value a bound parameter. */
    public static Statement list(Filter filter, int page, int size) {
        List<Object> parameters = new ArrayList<>(List.of(size, (long) page * size));
        List<String> clauses = new ArrayList<>();
        add(clauses, parameters, "i.process_id", filter.processId());
        add(clauses, parameters, "i.process_version", filter.version());
        add(clauses, parameters, "i.status", filter.status());
        add(clauses, parameters, "i.business_key", filter.businessKey());
        String where = clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses);
        return new Statement(LIST.formatted(where), Tuple.from(parameters));
    }

    public Uni<OperationResult<List<HistoryEventRecord>>> history(UUID id) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return OperationResult.<List<HistoryEventRecord>>refused(InstanceProblems.unknownInstance(id));
            }
            List<HistoryEventRecord> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (row.getUUID("instance_id") != null) {
                    events.add(HistoryEventRecord.of(row));
                }
            }
            return OperationResult.done(events);
        });
    }

    private static void add(List<String> clauses, List<Object> parameters, String column, String value) {
        if (value != null && !value.isBlank()) {
            parameters.add(value);
            clauses.add(column + " = $" + parameters.size());
        }
    }

    private static ListedInstance listed(Row row) {
        return new ListedInstance(row.getUUID("id"), row.getString("process_id"), row.getString("process_version"),
                row.getString("status"), row.getString("business_key"), row.getLong("revision"),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
