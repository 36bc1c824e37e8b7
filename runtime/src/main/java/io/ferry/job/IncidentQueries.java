package io.ferry.job;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads the open incidents operators work through: failed jobs and blocked migrations. */
@ApplicationScoped
public class IncidentQueries {

    private static final String COLUMNS = """
            f.id, f.instance_id, i.process_id, i.process_version, f.type, f.message, f.node_ids, f.job_id, f.attempts,
            f.created_at, f.resolved_at""";
    /** Open incidents, oldest first, filtered by process, instance and type where given. */
    static final String OPEN = """
            select %s from ferry_incident f join ferry_instance i on i.id = f.instance_id
            where f.resolved_at is null and ($1::text is null or i.process_id = $1)
              and ($2::uuid is null or f.instance_id = $2) and ($3::text is null or f.type = $3)
            order by f.created_at, f.id
            limit $4""".formatted(COLUMNS);
    static final String BY_ID = """
            select %s from ferry_incident f join ferry_instance i on i.id = f.instance_id where f.id = $1""".formatted(COLUMNS);

    /** One incident as an operator sees it; {@code jobId} and {@code attempts} only for a failed job. */
    public record Incident(UUID id, UUID instanceId, String processId, String version, String type, String nodeId,
            List<String> nodeIds, String message, String jobId, Integer attempts, Instant createdAt, Instant resolvedAt) {
    }

    @Inject
    Pool pool;

    public Uni<List<Incident>> open(String processId, UUID instanceId, String type, int limit) {
        return pool.preparedQuery(OPEN).execute(Tuple.of(processId, instanceId, type, limit)).map(rows -> {
            List<Incident> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(incident(row)));
            return found;
        });
    }

    /** The incident, open or resolved, or null. */
    public Uni<Incident> byId(UUID id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : incident(rows.iterator().next()));
    }

    private static Incident incident(Row row) {
        List<String> nodeIds = nodeIds(row.getString("node_ids"));
        return new Incident(row.getUUID("id"), row.getUUID("instance_id"), row.getString("process_id"),
                row.getString("process_version"), row.getString("type"), nodeIds.isEmpty() ? null : nodeIds.get(0), nodeIds,
                row.getString("message"), row.getString("job_id"), row.getInteger("attempts"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("resolved_at") == null ? null : row.getOffsetDateTime("resolved_at").toInstant());
    }

    /** The stored JSON array of node ids; written by Ferry only. */
    private static List<String> nodeIds(String json) {
        io.vertx.core.json.JsonArray array = new io.vertx.core.json.JsonArray(json);
        return Arrays.asList(array.stream().map(String::valueOf).toArray(String[]::new));
    }
}
