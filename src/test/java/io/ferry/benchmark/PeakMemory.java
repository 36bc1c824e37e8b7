package io.ferry.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/** Samples the app's resident memory every 200 ms while the load runs and keeps the highest. */
final class PeakMemory implements AutoCloseable {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    PeakMemory(AppProcess app) {
        sampler = new Thread(() -> {
            while (running) {
                try {
                    peak.accumulateAndGet(app.residentMemory(), Math::max);
                    Thread.sleep(200);
                } catch (Exception stopped) {
                    return;
                }
            }
        }, "benchmark-memory");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peak() {
        return peak.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join();
    }
}
