package io.ferry.deployment.timers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The test application's clock: it stands still until a test moves it, so timers fire in the order a test says. */
@ApplicationScoped
public class SettableClock {

    public static volatile Instant now = Instant.parse("2027-01-04T09:00:00Z");

    public static void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
