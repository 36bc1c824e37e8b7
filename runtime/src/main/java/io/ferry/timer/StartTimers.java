package io.ferry.timer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of timer start events ({@code ferry_start_timer}): registered by every pod for the
 * processes it deploys, claimed when due like instance timers, and moved to their next repetition (or
 * deleted) once the instance of this repetition started.
 */
@ApplicationScoped
public class StartTimers {

    /** A row stays as it is while its timer is unchanged; a changed timer is armed again from now. */
    static final String REGISTER = """
            insert into ferry_start_timer (process_id, node_id, definition, due_at, fired)
            values ($1, $2, $3, $4, 0)
            on conflict (process_id, node_id) do update
                set definition = excluded.definition, due_at = excluded.due_at, fired = 0, claimed_until = null
                where ferry_start_timer.definition <> excluded.definition""";
    static final String CLAIM = """
            update ferry_start_timer t set claimed_until = $2
            from (select process_id, node_id from ferry_start_timer
                  where due_at <= $1 and (claimed_until is null or claimed_until <= $1)
                  order by due_at
                  limit $3
                  for update skip locked) due
            where t.process_id = due.process_id and t.node_id = due.node_id
            returning t.process_id, t.node_id, t.definition, t.due_at, t.fired""";
    static final String NEXT = """
            update ferry_start_timer set due_at = $4, fired = $5, claimed_until = null
            where process_id = $1 and node_id = $2 and due_at = $3""";
    static final String DONE = "delete from ferry_start_timer where process_id = $1 and node_id = $2 and due_at = $3";

    /** A claimed start timer: which process and start event, and the repetition that is due. */
    record Due(String processId, String nodeId, String definition, Instant dueAt, int fired) {
    }

    @Inject
    Pool pool;

    Uni<Void> register(String processId, String nodeId, String definition, Instant firstDue) {
        return pool.preparedQuery(REGISTER).execute(Tuple.of(processId, nodeId, definition, timestamp(firstDue))).replaceWithVoid();
    }

    Uni<List<Due>> claim(Instant now, Duration lease, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(timestamp(now), timestamp(now.plus(lease)), limit)).map(rows -> {
            List<Due> due = new ArrayList<>();
            rows.forEach(row -> due.add(new Due(row.getString("process_id"), row.getString("node_id"), row.getString("definition"),
                    row.getOffsetDateTime("due_at").toInstant(), row.getInteger("fired"))));
            return due;
        });
    }

    /** Moves the row to its next repetition, or deletes it when there is none. */
    Uni<Void> fired(Due due, Instant next) {
        if (next == null) {
            return pool.preparedQuery(DONE).execute(Tuple.of(due.processId(), due.nodeId(), timestamp(due.dueAt()))).replaceWithVoid();
        }
        return pool.preparedQuery(NEXT).execute(Tuple.of(due.processId(), due.nodeId(), timestamp(due.dueAt()), timestamp(next),
                due.fired() + 1)).replaceWithVoid();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
