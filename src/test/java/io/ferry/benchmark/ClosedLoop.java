package io.ferry.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

/**
 * N clients, one thread each, each issuing its next operation as soon as the previous one
 * answered (a closed loop), first for a warm-up, then for the measured time. Only operations that
 * began and ended inside the measured time count, so both Ferry over HTTP and the ceiling over JDBC
 * are measured alike.
 */
final class ClosedLoop {

    /** One client's connection; {@link #operate()} performs one operation and throws when it failed. */
    interface Client extends AutoCloseable {
        void operate() throws Exception;

        /** False when the client has nothing left to do (its prepared instances are used up). */
        default boolean hasNext() {
            return true;
        }
    }

    interface ClientFactory {
        Client open(int index) throws Exception;
    }

    /** Operations per second and latency percentiles of the measured time, and the CPU the parties used in it. */
    record Result(long operations, long failures, String firstFailure, Duration measured, long[] sortedNanos, CpuMeter.Use cpu) {

        double perSecond() {
            return operations / (measured.toNanos() / 1e9);
        }

        /** This result and another of the same load, as if measured in one window as long as both. */
        Result plus(Result other) {
            long[] both = LongStream.concat(Arrays.stream(sortedNanos), Arrays.stream(other.sortedNanos)).sorted().toArray();
            return new Result(operations + other.operations, failures + other.failures,
                    firstFailure != null ? firstFailure : other.firstFailure, measured.plus(other.measured), both,
                    cpu == null || other.cpu == null ? null : cpu.plus(other.cpu));
        }

        double percentileMillis(double percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(percentile / 100 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, index)] / 1e6;
        }
    }

    static Result run(int clients, Duration warmup, Duration measured, ClientFactory factory, CpuMeter meter) throws Exception {
        CyclicBarrier begin = new CyclicBarrier(clients + 1);
        // The clients keep their connections (and the server its backends) until the CPU after the window is read.
        CountDownLatch sampled = new CountDownLatch(1);
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicReference<Exception> setupFailure = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < clients; index++) {
            int client = index;
            Thread thread = new Thread(() -> {
                try (Client connection = factory.open(client)) {
                    begin.await();
                    latencies[client] = loop(connection, window[0], window[1], failures, firstFailure);
                    sampled.await();
                } catch (Exception e) {
                    setupFailure.compareAndSet(null, e);
                    begin.reset();
                }
            }, "benchmark-client-" + client);
            threads.add(thread);
            thread.start();
        }
        CpuMeter.Sample before = null;
        CpuMeter.Sample after = null;
        try {
            long now = System.nanoTime();
            window[0] = now + warmup.toNanos();
            window[1] = window[0] + measured.toNanos();
            begin.await();
            sleepUntil(window[0]);
            before = meter.sample();
            sleepUntil(window[1]);
            after = meter.sample();
        } catch (Exception e) {
            threads.forEach(Thread::interrupt);
        } finally {
            sampled.countDown();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (setupFailure.get() != null) {
            throw setupFailure.get();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        CpuMeter.Use cpu = before == null || after == null ? null : CpuMeter.between(before, after, all.length);
        return new Result(all.length, failures.get(), firstFailure.get(), measured, all, cpu);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** Latencies of the operations that began and ended inside [from, to). */
    private static long[] loop(Client client, long from, long to, AtomicLong failures, AtomicReference<String> firstFailure) {
        long[] latencies = new long[1024];
        int count = 0;
        while (client.hasNext()) {
            long start = System.nanoTime();
            if (start >= to) {
                break;
            }
            try {
                client.operate();
            } catch (Exception e) {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, e.toString());
                continue;
            }
            long end = System.nanoTime();
            if (start >= from && end < to) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = end - start;
            }
        }
        return Arrays.copyOf(latencies, count);
    }
}
