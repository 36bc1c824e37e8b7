package io.ferry.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything one run measured, and the markdown table made of it (what / Ferry / ceiling / ratio,
 * as in issue 8). A phase the run left out ({@code -Dbenchmark.phases}) is null and has no rows.
 */
record Results(Load load, Sweep.Timing sweep, Sweep.Timing sweepCeiling, int oldInstances, Ready ready,
        String jvmOptions) {

    /**
     * The times to ready: Ferry as {@code java -jar} starts it (Flyway validates the schema), Ferry as a
     * pod starts it (Flyway off, as the generated Deployment has it), Ferry on the old instances, and an
     * empty application with the same extensions.
     */
    record Ready(ReadyTimes empty, ReadyTimes asPod, ReadyTimes withOldInstances, ReadyTimes emptyApplication) {
    }

    /** One start: the time from launching the JVM to ready, and the CPU time the process used until then. */
    record Start(Duration wall, Duration cpu) {
    }

    /** Several starts of one app, as start-up times vary much on a shared machine; the median counts. */
    record ReadyTimes(List<Start> starts) {

        Duration median() {
            return median(starts.stream().map(Start::wall).toList());
        }

        Duration cpuMedian() {
            return median(starts.stream().map(Start::cpu).toList());
        }

        String describe() {
            String cpu = cpuMedian().isZero() ? "" : "; CPU " + seconds(cpuMedian());
            if (starts.size() == 1) {
                return seconds(starts.get(0).wall()) + (cpu.isEmpty() ? "" : " (" + cpu.substring(2) + ")");
            }
            List<Duration> sorted = starts.stream().map(Start::wall).sorted().toList();
            return "%s (median of %d, %s–%s%s)".formatted(seconds(median()), starts.size(), seconds(sorted.get(0)),
                    seconds(sorted.get(sorted.size() - 1)), cpu);
        }

        private static Duration median(List<Duration> durations) {
            return durations.stream().sorted().toList().get(durations.size() / 2);
        }
    }

    /**
     * One round of the load phases, Ferry's and the ceiling's taking turns: starting and completing through the request
     * pod (its job workers off), completing through a pod that runs the payment jobs too ({@code jobs} says how they
     * went; {@code onePodPeakMemory} is that pod's resident memory at its highest).
     */
    record Round(ClosedLoop.Result start, ClosedLoop.Result complete, ClosedLoop.Result completeInOnePod,
            ClosedLoop.Result startCeiling, ClosedLoop.Result completeCeiling, ClosedLoop.Result completeWithJobCeiling,
            Machinery.Jobs jobs, Machinery.Drain drain, ClosedLoop.Result drainCeiling, long onePodPeakMemory) {
    }

    /**
     * The rounds of the load phases, the timers fired after them, and the request pod's resident memory during and
     * after them. A phase's result is that of all its rounds pooled: operations and time added, latencies together.
     */
    record Load(List<Round> rounds, Machinery.Timers timers, long requestPodPeakMemory, long memoryAfterLoad) {

        ClosedLoop.Result start() {
            return pooled(Round::start);
        }

        ClosedLoop.Result complete() {
            return pooled(Round::complete);
        }

        ClosedLoop.Result completeInOnePod() {
            return pooled(Round::completeInOnePod);
        }

        long onePodPeakMemory() {
            return rounds.stream().mapToLong(Round::onePodPeakMemory).max().orElseThrow();
        }

        ClosedLoop.Result startCeiling() {
            return pooled(Round::startCeiling);
        }

        ClosedLoop.Result completeCeiling() {
            return pooled(Round::completeCeiling);
        }

        ClosedLoop.Result completeWithJobCeiling() {
            return pooled(Round::completeWithJobCeiling);
        }

        Machinery.Drain drain() {
            return rounds.stream().map(Round::drain).reduce(Machinery.Drain::plus).orElseThrow();
        }

        ClosedLoop.Result drainCeiling() {
            return pooled(Round::drainCeiling);
        }

        Machinery.Jobs jobs() {
            return rounds.stream().map(Round::jobs).reduce(Machinery.Jobs::plus).orElseThrow();
        }

        private ClosedLoop.Result pooled(Function<Round, ClosedLoop.Result> phase) {
            return rounds.stream().map(phase).reduce(ClosedLoop.Result::plus).orElseThrow();
        }

        /** The pooled ratio in bold, and with more than one round each round's own, which show the run's spread. */
        String ratio(double pooled, ToDoubleFunction<Round> perRound) {
            String ratio = "**%.2f**".formatted(pooled);
            if (rounds.size() == 1) {
                return ratio;
            }
            return ratio + " (rounds: " + rounds.stream().map(round -> "%.2f".formatted(perRound.applyAsDouble(round)))
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    /** Every measurement happened and saw work done: what the quick-mode IT checks (never how fast). */
    List<String> unmeasured() {
        List<String> missing = new ArrayList<>();
        if (load != null) {
            check(missing, load.complete(), "complete approveOrder (Ferry, request pod)");
            check(missing, load.completeInOnePod(), "complete approveOrder (Ferry, one pod running the jobs too)");
            check(missing, load.completeCeiling(), "complete approveOrder (ceiling)");
            check(missing, load.completeWithJobCeiling(), "complete approveOrder and run its job (ceiling)");
            check(missing, load.drainCeiling(), "run due payment jobs (ceiling)");
            check(missing, load.start(), "start (Ferry)");
            check(missing, load.startCeiling(), "start (ceiling)");
            if (load.drain().completed() == 0) {
                missing.add("jobs: the pod started on the request pod's jobs completed none");
            }
            if (load.jobs().completed() == 0) {
                missing.add("jobs: the workers completed none during the completion load");
            }
            if (load.timers().fired() == 0) {
                missing.add("timers: none fired");
            }
            if (load.requestPodPeakMemory() == 0 || load.onePodPeakMemory() == 0 || load.memoryAfterLoad() == 0) {
                missing.add("resident memory");
            }
        }
        if (sweep != null && sweep.instances() == 0) {
            missing.add("sweep (Ferry) migrated nothing");
        }
        if (sweepCeiling != null && sweepCeiling.instances() == 0) {
            missing.add("sweep (ceiling) rewrote nothing");
        }
        if (ready != null && Stream.of(ready.empty(), ready.asPod(), ready.withOldInstances(),
                ready.emptyApplication()).anyMatch(times -> times.median().isZero())) {
            missing.add("a time to ready");
        }
        return missing;
    }

    private static void check(List<String> missing, ClosedLoop.Result result, String what) {
        if (result.operations() == 0 || result.failures() > 0) {
            missing.add(what + ": " + result.operations() + " operations measured, " + result.failures()
                    + " failed (first: " + result.firstFailure() + ")");
        }
    }

    String table() {
        StringBuilder table = new StringBuilder("| what | Ferry | the same SQL by hand (ceiling) | ratio |\n| --- | --- | --- | --- |\n");
        if (load != null) {
            row(table, "complete `approveOrder` through the request pod (`jobs.poll-every=off`: its payment job waits for "
                    + "worker pods): 1 select of row, incidents and migrations; 1 statement storing snapshot, 13 history rows "
                    + "and the job's row", load(load.complete(), "ops/s"), load(load.completeCeiling(), "tps"),
                    load.ratio(load.complete().perSecond() / load.completeCeiling().perSecond(),
                            round -> round.complete().perSecond() / round.completeCeiling().perSecond()));
            row(table, "complete `approveOrder` through one pod that runs the payment jobs too (alongside, on the same "
                    + "cores; the same ceiling)", load(load.completeInOnePod(), "ops/s"), load(load.completeCeiling(), "tps"),
                    load.ratio(load.completeInOnePod().perSecond() / load.completeCeiling().perSecond(),
                            round -> round.completeInOnePod().perSecond() / round.completeCeiling().perSecond()));
            row(table, "start an `order` instance through the request pod (1 statement storing instance and 5 history rows)",
                    load(load.start(), "ops/s"), load(load.startCeiling(), "tps"),
                    load.ratio(load.start().perSecond() / load.startCeiling().perSecond(),
                            round -> round.start().perSecond() / round.startCeiling().perSecond()));
            cpuRow(table, "complete, request pod", load.complete(), load.completeCeiling());
            cpuRow(table, "complete, one pod running the jobs too", load.completeInOnePod(), load.completeCeiling());
            cpuRow(table, "start", load.start(), load.startCeiling());
            Machinery.Jobs jobs = load.jobs();
            row(table, "complete `approveOrder` and run its payment job, both (Ferry: completions whose job had run too, over "
                            + "the completion load and the drain after it; ceiling: the completion's statements, then the "
                            + "store of its job's completion)",
                    "%,.0f completions with their jobs/s (%,d in %s)".formatted(jobs.completionsWithTheirJobsPerSecond(),
                            jobs.completedByTheEnd(), seconds(jobs.elapsed().plus(jobs.drainedAfter()))),
                    load(load.completeWithJobCeiling(), "tps"),
                    load.ratio(jobs.completionsWithTheirJobsPerSecond() / load.completeWithJobCeiling().perSecond(),
                            round -> round.jobs().completionsWithTheirJobsPerSecond()
                                    / round.completeWithJobCeiling().perSecond()));
            row(table, "payment jobs the one pod's workers ran during its completion load (one per completion; handed over by "
                            + "the completion: handler, store; or, with every handler slot busy, left to the workers: claim, read, "
                            + "handler, store)", "%,.0f jobs/s (%,d in %s; the rest ran within %s after it; %,d of all %,d handed over)"
                            .formatted(jobs.perSecond(), jobs.completed(), seconds(jobs.elapsed()), seconds(jobs.drainedAfter()),
                                    jobs.handedOff(), jobs.completedByTheEnd()), "—", "—");
            Machinery.Drain drain = load.drain();
            row(table, "run the payment jobs the request pod's completions left, in a pod with workers started on them "
                            + "(batch claim reading the instances, then handler and store of each; ceiling: the same statements "
                            + "over as many JDBC connections as the pod has handler slots, 4)",
                    "%,.0f jobs/s (%,d in %s%s)".formatted(drain.perSecond(), drain.completed(), seconds(drain.elapsed()),
                            drain.dueAfter() == 0 ? "; the backlog ran out within it" : ""),
                    load(load.drainCeiling(), "jobs/s"),
                    load.ratio(drain.perSecond() / load.drainCeiling().perSecond(),
                            round -> round.drain().perSecond() / round.drainCeiling().perSecond()));
            if (drain.cpu() != null && load.drainCeiling().cpu() != null) {
                row(table, "CPU per job run by the pod with workers: app / PostgreSQL / client", drain.cpu().describe(),
                        load.drainCeiling().cpu().describe(), "—");
            }
            Machinery.Timers timers = load.timers();
            row(table, "due timers fired (invoice deadlines; %d concurrent `POST /admin/timers/fire`, as %d pollers)"
                            .formatted(timers.callers(), timers.callers()),
                    "%,.0f timers/s (%,d in %s)".formatted(timers.perSecond(), timers.fired(), seconds(timers.elapsed())),
                    "—", "—");
        }
        if (sweep != null) {
            row(table, "sweep version 1 instances to version 2 (%,d stored; Ferry timed %s)".formatted(oldInstances,
                            sweep.finished() ? "until done" : "over its first " + seconds(sweep.elapsed())),
                    "%,.0f instances/s (%,d in %s)".formatted(sweep.perSecond(), sweep.instances(), seconds(sweep.elapsed())),
                    "one `UPDATE … jsonb_set` + history `INSERT` of %,d rows: %,.0f rows/s".formatted(sweepCeiling.instances(),
                            sweepCeiling.perSecond()),
                    sweep.perSecond() / sweepCeiling.perSecond());
        }
        if (ready != null) {
            row(table, "time to ready, empty database (ceiling: an empty Quarkus app with the same extensions)",
                    ready.empty().describe(), ready.emptyApplication().describe(), ratio(ready.empty(), ready.emptyApplication()));
            row(table, "time to ready as a pod starts it (Flyway off: the Deployment sets QUARKUS_FLYWAY_ACTIVE=false, its"
                    + " init Job migrates), empty database (ceiling: the empty app)",
                    ready.asPod().describe(), ready.emptyApplication().describe(), ratio(ready.asPod(), ready.emptyApplication()));
            row(table, "time to ready with %,d version 1 instances stored (against Ferry on the empty database)".formatted(oldInstances),
                    ready.withOldInstances().describe(), ready.empty().describe(), ratio(ready.withOldInstances(), ready.empty()));
        }
        if (load != null) {
            table.append(("| resident memory (VmRSS) under the load, JVM options: %s | the pod running the jobs too: peak %d MB;"
                    + " the request pod: peak %d MB, %d MB after the load | — | — |\n")
                    .formatted(jvmOptions.isEmpty() ? "none" : "`" + jvmOptions + "`", load.onePodPeakMemory() >> 20,
                            load.requestPodPeakMemory() >> 20, load.memoryAfterLoad() >> 20));
        }
        return table.toString();
    }

    /**
     * Where the CPU of one operation goes: the app, PostgreSQL and the client side (Ferry's HTTP load generator,
     * the ceiling's JDBC loop), in milliseconds per operation over the measured window.
     */
    private static void cpuRow(StringBuilder table, String operation, ClosedLoop.Result ferry, ClosedLoop.Result ceiling) {
        if (ferry.cpu() == null || ceiling.cpu() == null) {
            return;
        }
        row(table, "CPU per %s: app / PostgreSQL / client (HTTP load generator; JDBC loop for the ceiling)".formatted(operation),
                ferry.cpu().describe(), ceiling.cpu().describe(), "—");
    }

    private static void row(StringBuilder table, String what, String ferry, String ceiling, double ratio) {
        row(table, what, ferry, ceiling, "**%.2f**".formatted(ratio));
    }

    private static void row(StringBuilder table, String what, String ferry, String ceiling, String ratio) {
        table.append("| ").append(what).append(" | ").append(ferry).append(" | ").append(ceiling).append(" | ")
                .append(ratio).append(" |\n");
    }

    private static String load(ClosedLoop.Result result, String unit) {
        return "%,.0f %s, p50 %.1f ms, p99 %.1f ms".formatted(result.perSecond(), unit, result.percentileMillis(50),
                result.percentileMillis(99));
    }

    private static String seconds(Duration duration) {
        return "%.2f s".formatted(duration.toNanos() / 1e9);
    }

    /** The wall-clock ratio (the goal's), and the CPU-time ratio, which other work on the machine moves less. */
    private static String ratio(ReadyTimes numerator, ReadyTimes denominator) {
        String wall = "**%.2f**".formatted((double) numerator.median().toNanos() / denominator.median().toNanos());
        if (numerator.cpuMedian().isZero() || denominator.cpuMedian().isZero()) {
            return wall;
        }
        return wall + " (CPU %.2f)".formatted((double) numerator.cpuMedian().toNanos() / denominator.cpuMedian().toNanos());
    }
}
