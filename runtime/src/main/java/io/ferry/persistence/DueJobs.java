package io.ferry.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rows of jobs due or in back-off ({@code ferry_job}) that the workers claim, and their number,
 * which bounds the backlog.
 */
@ApplicationScoped
public class DueJobs extends DueRows {

    /** How long a counted backlog size stands before starting an instance counts again. */
    private static final long SIZE_FRESH_MILLIS = 1000;

    private record Counted(long size, Instant at) {
    }

    private final AtomicReference<Counted> counted = new AtomicReference<>();

    public DueJobs() {
        super(JOB_CLAIM, JOB_FORGET, JOB_BACKLOG, JOB_RELEASE);
    }

    /** A claimed job with its instance as the claim read it; null when the instance is gone. */
    public record ClaimedJob(Claimed job, StoredInstance instance) {
    }

    /**
     * Claims up to {@code limit} due jobs until {@code now + lease}, in the order they are due, each with its instance
     * read by the same statement.
     */
    public Uni<List<ClaimedJob>> claimReading(Instant now, Duration lease, int limit) {
        Tuple arguments = Tuple.of(timestamp(now), timestamp(now.plus(lease)), limit);
        return pool().preparedQuery(JOB_CLAIM_READING).execute(arguments).map(rows -> {
            List<ClaimedJob> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(new ClaimedJob(claimed(row, "claimed_id"),
                    row.getUUID("id") == null ? null : InstanceStore.stored(row))));
            claimed.sort(Comparator.comparing(ClaimedJob::job, IN_TURN));
            return claimed;
        });
    }

    /** Jobs waiting to run, due or in back-off, as counted at most a second before {@code now}. */
    public Uni<Long> size(Instant now) {
        Counted last = counted.get();
        if (last != null && now.toEpochMilli() - last.at().toEpochMilli() < SIZE_FRESH_MILLIS
                && !now.isBefore(last.at())) {
            return Uni.createFrom().item(last.size());
        }
        return pool().preparedQuery(JOB_SIZE).execute().map(rows -> {
            long size = rows.iterator().next().getLong("size");
            counted.set(new Counted(size, now));
            return size;
        });
    }
}
