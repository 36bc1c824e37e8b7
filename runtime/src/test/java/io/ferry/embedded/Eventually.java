package io.ferry.embedded;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another process does, checking often and giving up after a bound. */
final class Eventually {

    private Eventually() {
    }

    static void within(Duration limit, String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
