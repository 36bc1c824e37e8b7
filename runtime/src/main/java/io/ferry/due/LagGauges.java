package io.ferry.due;

import io.ferry.persistence.DueRows;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The backlog of a table of due rows (timers, jobs) as two gauges, {@code <prefix>.due} and
 * {@code <prefix>.lag.seconds} (how long the oldest due row has waited), as this pod last saw it.
 */
final class LagGauges {

    private final AtomicLong due = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();

    LagGauges(MeterRegistry metrics, String prefix) {
        metrics.gauge(prefix + ".due", due);
        metrics.gauge(prefix + ".lag.seconds", lagMillis, millis -> millis.get() / 1000.0);
    }

    void update(DueRows.Backlog backlog, Instant now) {
        due.set(backlog.due());
        lagMillis.set(backlog.oldestDueAt() == null ? 0 : Math.max(0, now.toEpochMilli() - backlog.oldestDueAt().toEpochMilli()));
    }
}
