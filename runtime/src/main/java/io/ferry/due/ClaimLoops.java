package io.ferry.due;

import io.ferry.persistence.DueRows;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Makes a pod's claim loops, with the clock and the meters they share. */
@ApplicationScoped
public class ClaimLoops {

    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    /** The loop over {@code rows}; {@code results} are what can become of a row. */
    public <R extends Enum<R>> ClaimLoop<R> create(DueWork work, DueRows rows, Class<R> results) {
        return new ClaimLoop<>(work, rows, clock, metrics, results);
    }
}
