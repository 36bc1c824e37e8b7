package io.ferry.app;

import java.time.Duration;
import java.time.Instant;

/** Waiting for what pods do on their own (timers, jobs): polls until a condition holds; the limit only bounds a failing run. */
final class Eventually {

    interface Condition {
        boolean holds() throws Exception;
    }

    private Eventually() {
    }

    static void waitUntil(Duration limit, Condition condition) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
