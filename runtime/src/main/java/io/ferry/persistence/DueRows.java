package io.ferry.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The rows of timers or jobs that pollers claim and let go ({@link io.ferry.due.ClaimLoop}). Rows are made due and dropped only with
 * their instance's state, by the operation's own statement ({@link InstanceStore}); here they are only
 * claimed, or removed when the instance no longer knows them.
 */
public abstract class DueRows {

    /**
     * Claims due rows nobody holds (or whose holder's lease ran out), earliest first; a row another
     * pod is claiming right now is skipped, not waited for. Arguments: the table, its id column.
     */
    private static final String CLAIM = """
            update %1$s t set claimed_until = $2
            from (select instance_id, %2$s from %1$s
                  where due_at <= $1 and (claimed_until is null or claimed_until <= $1)
                  order by due_at
                  limit $3
                  for update skip locked) due
            where t.instance_id = due.instance_id and t.%2$s = due.%2$s
            returning t.instance_id, t.%2$s as id, t.due_at, t.claimed_until""";
    /** Lets go of claims, each only as it was made (a row claimed again since, by any pod, is left alone). */
    private static final String RELEASE = """
            update %1$s t set claimed_until = null
            from unnest($1::uuid[], $2::text[], $3::timestamptz[]) as r(instance_id, id, claimed_until)
            where t.instance_id = r.instance_id and t.%2$s = r.id and t.claimed_until = r.claimed_until""";
    private static final String FORGET = "delete from %1$s where instance_id = $1 and %2$s = $2 and due_at = $3";
    private static final String BACKLOG = "select count(*) as due, min(due_at) as oldest from %1$s where due_at <= $1";
    private static final String SIZE = "select count(*) as size from %1$s";

    public static final String TIMER_CLAIM = CLAIM.formatted("ferry_timer", "timer_id");
    public static final String TIMER_FORGET = FORGET.formatted("ferry_timer", "timer_id");
    public static final String TIMER_BACKLOG = BACKLOG.formatted("ferry_timer");
    public static final String TIMER_RELEASE = RELEASE.formatted("ferry_timer", "timer_id");
    public static final String JOB_CLAIM = CLAIM.formatted("ferry_job", "job_id");
    /**
     * Claims due jobs as {@link #JOB_CLAIM} does, and reads each one's instance with it, as an operation reads it: the
     * worker calls the handler on that read, without a statement of its own per job (the instance's columns are null
     * when it is gone).
     */
    public static final String JOB_CLAIM_READING = """
            with due as (
            %s)
            select due.instance_id, due.id as claimed_id, due.due_at, due.claimed_until, %s
            from due left join ferry_instance i on i.id = due.instance_id""".formatted(JOB_CLAIM, InstanceStore.LOADED);
    public static final String JOB_FORGET = FORGET.formatted("ferry_job", "job_id");
    public static final String JOB_BACKLOG = BACKLOG.formatted("ferry_job");
    public static final String JOB_SIZE = SIZE.formatted("ferry_job");
    public static final String JOB_RELEASE = RELEASE.formatted("ferry_job", "job_id");

    /** A claimed row, held until {@code claimedUntil}; its id is the timer's or the job's. */
    public record Claimed(UUID instanceId, String id, Instant dueAt, OffsetDateTime claimedUntil) {
    }

    /** How many rows are due now, and since when the oldest of them is. */
    public record Backlog(long due, Instant oldestDueAt) {
    }

    @Inject
    Pool pool;

    private final String claim;
    private final String forget;
    private final String backlog;
    private final String release;

    protected DueRows(String claim, String forget, String backlog, String release) {
        this.claim = claim;
        this.forget = forget;
        this.backlog = backlog;
        this.release = release;
    }

    /** Claims up to {@code limit} due rows until {@code now + lease}, in the order they are due. */
    public Uni<List<Claimed>> claim(Instant now, Duration lease, int limit) {
        OffsetDateTime until = timestamp(now.plus(lease));
        return pool.preparedQuery(claim).execute(Tuple.of(timestamp(now), until, limit)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(claimed(row, "id")));
            claimed.sort(IN_TURN);
            return claimed;
        });
    }

    /** Claimed rows in the order they run: earliest due first. */
    protected static final Comparator<Claimed> IN_TURN = Comparator.comparing(Claimed::dueAt).thenComparing(Claimed::instanceId)
            .thenComparing(Claimed::id);

    /** The claim a row of a claim statement returns; its id (the timer's or the job's) is in {@code idColumn}. */
    protected static Claimed claimed(Row row, String idColumn) {
        return new Claimed(row.getUUID("instance_id"), row.getString(idColumn), row.getOffsetDateTime("due_at").toInstant(),
                row.getOffsetDateTime("claimed_until"));
    }

    /** Removes a row whose instance no longer knows it (only as it was claimed, never one made due again since). */
    public Uni<Void> forget(Claimed row) {
        return pool.preparedQuery(forget).execute(Tuple.of(row.instanceId(), row.id(), timestamp(row.dueAt())))
                .replaceWithVoid();
    }

    /**
     * Lets go of claimed rows this pod will not run (it is stopping): any pod may claim them at once, rather than when
     * the lease ends. A claim made again since is left alone.
     */
    public Uni<Void> release(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(release).execute(Tuple.of(
                claimed.stream().map(Claimed::instanceId).toArray(UUID[]::new),
                claimed.stream().map(Claimed::id).toArray(String[]::new),
                claimed.stream().map(Claimed::claimedUntil).toArray(OffsetDateTime[]::new))).replaceWithVoid();
    }

    /** The rows due and not taken care of yet: the pollers' lag. */
    public Uni<Backlog> backlog(Instant now) {
        return pool.preparedQuery(backlog).execute(Tuple.of(timestamp(now))).map(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            return new Backlog(row.getLong("due"), oldest == null ? null : oldest.toInstant());
        });
    }

    protected Pool pool() {
        return pool;
    }

    protected static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
