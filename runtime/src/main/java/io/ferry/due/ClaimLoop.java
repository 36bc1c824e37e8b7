package io.ferry.due;

import io.ferry.persistence.DueRows;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One pod's loop over a table of due rows (timers or jobs), the same for both: a claim takes due rows no pod holds,
 * skipping those another pod is claiming right now ({@code FOR UPDATE SKIP LOCKED}), and holds them for a lease; each
 * claimed row runs in its turn; what became of each is counted, and each poll updates the backlog gauges. A pod that
 * stops lets go of the rows it claimed and had not started, so that another pod takes them at once rather than when
 * their lease ends; a row already running finishes, or is taken over when its lease ends.
 *
 * @param <R> what became of a row; its constants, in lower case, tag the {@link DueWork#resultCounter() counter}
 */
public final class ClaimLoop<R extends Enum<R>> {

    private static final Logger LOG = Logger.getLogger(ClaimLoop.class);
    /** How long a stopping pod tries to let go of its claims before it leaves them to their lease. */
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);
    static final String LET_GO = "Stopping: let go of %d claimed %s that had not %s; other pods %s them";
    static final String NOT_LET_GO = "Stopping: could not let go of %d claimed %s (%s); other pods %s them when their "
            + "lease ends";

    /** What a claimed row waits for before it runs, and gives back when its run ended: a handler slot, or nothing. */
    public record Turn(Supplier<Uni<Void>> take, Runnable giveBack) {

        /** Rows that need no slot: they run as soon as the rows before them allow. */
        public static final Turn ANY_TIME = new Turn(() -> Uni.createFrom().voidItem(), () -> { });
    }

    private final DueWork work;
    private final DueRows rows;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Class<R> results;
    private final LagGauges lag;
    /** Rows this pod claimed and has not started running: the ones it lets go of when it stops. */
    private final Set<DueRows.Claimed> notStarted = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ClaimLoop(DueWork work, DueRows rows, Clock clock, MeterRegistry metrics, Class<R> results) {
        this.work = work;
        this.rows = rows;
        this.clock = clock;
        this.metrics = metrics;
        this.results = results;
        this.lag = new LagGauges(metrics, work.meterPrefix());
    }

    /** Whether the pod is stopping: no poll runs any more. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * A scheduled poll: {@code run}, unless the pod is stopping, then the backlog gauges. A poll under way when the pod
     * stops loses its pool and ends quietly: what it claimed and had not started was let go.
     */
    public Uni<Void> poll(Supplier<Uni<Void>> run) {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return run.get().chain(() -> {
            Instant now = clock.instant();
            return rows.backlog(now).invoke(backlog -> lag.update(backlog, now));
        }).replaceWithVoid().onFailure(failure -> stopping).recoverWithNull();
    }

    /**
     * Runs the rows of a claim, earliest due first and at most {@code atOnce} at a time: each waits for its turn, then
     * runs unless the pod let go of it meanwhile ({@code letGo} is then what became of it), then gives the turn back.
     * Counts what became of them.
     *
     * @param row the claimed row of an item of the claim
     * @param run runs a row; a failure it expects is one of its results, not a failed {@link Uni}
     */
    public <C> Uni<List<R>> runInTurn(Uni<List<C>> claim, Function<C, DueRows.Claimed> row, Turn turn, int atOnce,
            Function<C, Uni<R>> run, R letGo) {
        return claim.chain(claimed -> {
            claimed.forEach(item -> notStarted.add(row.apply(item)));
            return Multi.createFrom().iterable(claimed)
                    .onItem().transformToUni(item -> turn.take().get()
                            .chain(() -> notStarted.remove(row.apply(item)) ? run.apply(item) : Uni.createFrom().item(letGo))
                            .eventually(turn.giveBack()))
                    .merge(Math.max(1, Math.min(atOnce, claimed.size())))
                    .collect().asList();
        }).invoke(this::count);
    }

    /** Counts what became of rows in the {@link DueWork#resultCounter() counter}, by result. */
    public void count(List<R> outcomes) {
        for (R result : results.getEnumConstants()) {
            int count = count(outcomes, result);
            if (count > 0) {
                metrics.counter(work.resultCounter(), "result", result.name().toLowerCase(Locale.ROOT)).increment(count);
            }
        }
    }

    /** How many of the outcomes are {@code wanted}. */
    public static <R> int count(List<R> outcomes, R wanted) {
        return (int) outcomes.stream().filter(outcome -> outcome == wanted).count();
    }

    /**
     * The pod is stopping: no more polls, and the rows it claimed and had not started are let go (each only as this
     * pod claimed it), so that any pod may claim them at once.
     */
    public void stop() {
        stopping = true;
        List<DueRows.Claimed> letGo = List.copyOf(notStarted);
        notStarted.removeAll(letGo);
        try {
            rows.release(letGo).await().atMost(RELEASE_TIMEOUT);
            if (!letGo.isEmpty()) {
                LOG.infof(LET_GO, letGo.size(), work.rows(), work.started(), work.run());
            }
        } catch (RuntimeException failure) {
            LOG.warnf(NOT_LET_GO, letGo.size(), work.rows(), failure.getMessage(), work.run());
        }
    }
}
