package io.ferry.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time the parties of a load phase used during its measured window, read from the operating
 * system: the app (absent for the ceiling), the PostgreSQL server (the postmaster and its backends; only
 * for the embedded server, whose processes are known), and this JVM, which is the load generator (the
 * HTTP clients) or the ceiling's JDBC clients. Per operation, these say where a ratio comes from: the
 * same work in PostgreSQL, or more work around it.
 */
final class CpuMeter {

    /**
     * CPU used up to one moment; a party the meter cannot see is null. The server's is kept per process, as
     * its backends come and go: a process that ended within the window is not counted, one that began is.
     */
    record Sample(Duration app, Map<Long, Duration> database, Duration generator) {
    }

    /** CPU used in the window by each party, and the operations done in it. */
    record Use(Duration app, Duration database, Duration generator, long operations) {

        /** The CPU of this window and another's, and their operations. */
        Use plus(Use other) {
            return new Use(sum(app, other.app), sum(database, other.database), sum(generator, other.generator),
                    operations + other.operations);
        }

        private static Duration sum(Duration one, Duration other) {
            return one == null || other == null ? null : one.plus(other);
        }

        /** Milliseconds of CPU per operation, or "—" for a party the meter could not see. */
        String perOperation(Duration party) {
            return party == null || operations == 0 ? "—" : "%.2f".formatted(party.toNanos() / 1e6 / operations);
        }

        String describe() {
            return "%s / %s / %s ms".formatted(perOperation(app), perOperation(database), perOperation(generator));
        }
    }

    private final ProcessHandle app;
    private final Path postmasterPid;

    /**
     * @param app the app's process, or null for the ceiling
     * @param postmasterPid the embedded server's {@code postmaster.pid}, or null for a configured server
     */
    CpuMeter(ProcessHandle app, Path postmasterPid) {
        this.app = app;
        this.postmasterPid = postmasterPid;
    }

    Sample sample() {
        return new Sample(app == null ? null : cpu(Stream.of(app)), database(), generator());
    }

    static Use between(Sample before, Sample after, long operations) {
        return new Use(minus(after.app(), before.app()), minus(after.database(), before.database()),
                minus(after.generator(), before.generator()), operations);
    }

    private static Duration minus(Map<Long, Duration> after, Map<Long, Duration> before) {
        if (after == null || before == null) {
            return null;
        }
        return after.entrySet().stream().map(process -> process.getValue().minus(before.getOrDefault(process.getKey(), Duration.ZERO)))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private Map<Long, Duration> database() {
        if (postmasterPid == null || !Files.exists(postmasterPid)) {
            return null;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            return postmaster.map(server -> Stream.concat(Stream.of(server), server.descendants())
                    .collect(Collectors.toMap(ProcessHandle::pid, process -> cpu(Stream.of(process)), (a, b) -> a))).orElse(null);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static Duration generator() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Duration.ofNanos(os.getProcessCpuTime());
        }
        return null;
    }

    private static Duration cpu(Stream<ProcessHandle> processes) {
        return processes.map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static Duration minus(Duration after, Duration before) {
        return after == null || before == null ? null : after.minus(before);
    }
}
