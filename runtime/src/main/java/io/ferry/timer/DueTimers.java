package io.ferry.timer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The timer rows a poller claims and lets go. Rows are armed and dropped only with their instance's
 * state, by the operation's own statement ({@link io.ferry.persistence.InstanceStore}); here they are
 * only claimed, or removed when the instance no longer knows them.
 */
@ApplicationScoped
public class DueTimers {

    /**
     * Claims due timers nobody holds (or whose holder's lease ran out), earliest first; a timer
     * another pod is claiming right now is skipped, not waited for.
     */
    static final String CLAIM = """
            update ferry_timer t set claimed_until = $2
            from (select instance_id, timer_id from ferry_timer
                  where due_at <= $1 and (claimed_until is null or claimed_until <= $1)
                  order by due_at
                  limit $3
                  for update skip locked) due
            where t.instance_id = due.instance_id and t.timer_id = due.timer_id
            returning t.instance_id, t.timer_id, t.due_at""";
    private static final String FORGET = "delete from ferry_timer where instance_id = $1 and timer_id = $2 and due_at = $3";
    private static final String BACKLOG = """
            select count(*) as due, min(due_at) as oldest from ferry_timer where due_at <= $1""";

    /** A claimed timer, held until {@code claimedUntil}. */
    record Claimed(UUID instanceId, String timerId, Instant dueAt, OffsetDateTime claimedUntil) {
    }

    /** How many timers are due now, and since when the oldest of them is. */
    public record Backlog(long due, Instant oldestDueAt) {
    }

    @Inject
    Pool pool;

    /** Claims up to {@code limit} due timers until {@code now + lease}, in the order they are due. */
    Uni<List<Claimed>> claim(Instant now, java.time.Duration lease, int limit) {
        OffsetDateTime until = timestamp(now.plus(lease));
        return pool.preparedQuery(CLAIM).execute(Tuple.of(timestamp(now), until, limit)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(new Claimed(row.getUUID("instance_id"), row.getString("timer_id"),
                    row.getOffsetDateTime("due_at").toInstant(), until)));
            claimed.sort(Comparator.comparing(Claimed::dueAt).thenComparing(Claimed::instanceId).thenComparing(Claimed::timerId));
            return claimed;
        });
    }

    /** Removes a row whose instance no longer has the timer armed (only as it was claimed, never a re-armed one). */
    Uni<Void> forget(Claimed timer) {
        return pool.preparedQuery(FORGET).execute(Tuple.of(timer.instanceId(), timer.timerId(), timestamp(timer.dueAt())))
                .replaceWithVoid();
    }

    /** The due timers not fired yet: the poller's lag. */
    public Uni<Backlog> backlog(Instant now) {
        return pool.preparedQuery(BACKLOG).execute(Tuple.of(timestamp(now))).map(rows -> {
            var row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            return new Backlog(row.getLong("due"), oldest == null ? null : oldest.toInstant());
        });
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
