package io.ferry.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one run measures and how long, from {@code -Dbenchmark.*} system properties. Quick mode
 * (the default of the normal build) uses small sizes so the benchmark keeps working in CI; its
 * numbers mean nothing.
 *
 * @param clients concurrent HTTP clients, and JDBC connections for the ceiling
 * @param warmup load before measuring, per load phase
 * @param measured load that is measured, per load phase and round
 * @param rounds how many times the load phases take turns, Ferry's and the ceiling's (the results pool the rounds)
 * @param oldInstances version 1 instances stored for the sweep and the time-to-ready row
 * @param sweepLimit the sweep is timed until it is done or this long has passed
 * @param sweepBatchSize the {@code batchSize} of each sweep call
 * @param sweepMaxBatches the {@code maxBatches} of each sweep call
 * @param starts how many times each time to ready is measured (the median counts)
 * @param jvmOptions JVM options of the packaged apps, space-separated: by default the ones the Deployment
 *     gives a pod ({@link PodJvmOptions}); {@code none} for the JVM's defaults
 * @param phases what to measure; a run of one phase prints only its rows
 * @param root the repository's root, where target/quarkus-app is
 */
record BenchmarkParameters(boolean quick, int clients, Duration warmup, Duration measured, int rounds, int oldInstances,
        Duration sweepLimit, int sweepBatchSize, int sweepMaxBatches, int starts, int timers, String jvmOptions,
        Set<Phase> phases, Path root) {

    /** The parts of a run, chosen with {@code -Dbenchmark.phases=load,sweep,ready} (all by default). */
    enum Phase {
        /** start and complete through Ferry and through the ceiling; resident memory under that load */
        LOAD,
        /** the sweep through Ferry and its set-based ceiling */
        SWEEP,
        /** the times to ready */
        READY
    }

    static BenchmarkParameters fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(System.getProperty("benchmark.quick", "false"));
        Path root = Path.of(System.getProperty("benchmark.root", ".")).toAbsolutePath().normalize();
        return new BenchmarkParameters(quick,
                integer("benchmark.clients", 8),
                Duration.ofSeconds(integer("benchmark.warmupSeconds", quick ? 1 : 10)),
                Duration.ofSeconds(integer("benchmark.seconds", quick ? 3 : 30)),
                Math.max(1, integer("benchmark.rounds", quick ? 1 : 2)),
                integer("benchmark.instances", quick ? 2_000 : 1_000_000),
                Duration.ofSeconds(integer("benchmark.sweepSeconds", quick ? 5 : 60)),
                integer("benchmark.sweepBatchSize", 100),
                integer("benchmark.sweepMaxBatches", 10),
                Math.max(1, integer("benchmark.starts", quick ? 1 : 5)),
                integer("benchmark.timers", quick ? 40 : 5_000),
                chosenJvmOptions(root), chosenPhases(), root);
    }

    boolean measures(Phase phase) {
        return phases.contains(phase);
    }

    Path output() {
        return root.resolve("target/benchmark");
    }

    Path ferryJar() {
        return root.resolve("target/quarkus-app/quarkus-run.jar");
    }

    String describe() {
        return ("%s mode, %d clients, %d s warm-up + %d s measured per load phase and round, %d round(s), %,d version 1"
                + " instances, sweep timed"
                + " for at most %d s (batchSize=%d, maxBatches=%d per call), %d timed start(s) per time to ready,"
                + " %,d timers fired, JVM options: %s, phases: %s").formatted(quick ? "quick" : "full", clients, warmup.toSeconds(),
                measured.toSeconds(), rounds, oldInstances, sweepLimit.toSeconds(), sweepBatchSize, sweepMaxBatches, starts, timers,
                describeJvmOptions(), phases.stream().map(phase -> phase.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(",")));
    }

    String describeJvmOptions() {
        return jvmOptions.isEmpty() ? "none" : jvmOptions;
    }

    /** Unset: the pod's options, so the memory row shows what a pod uses; "none" (or empty): the JVM's defaults. */
    private static String chosenJvmOptions(Path root) {
        String given = System.getProperty("benchmark.jvmOptions");
        if (given == null) {
            return PodJvmOptions.read(root);
        }
        return given.isBlank() || given.strip().equals("none") ? "" : given.strip();
    }

    private static Set<Phase> chosenPhases() {
        String given = System.getProperty("benchmark.phases", "");
        if (given.isBlank()) {
            return EnumSet.allOf(Phase.class);
        }
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String name : given.split(",")) {
            try {
                phases.add(Phase.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-Dbenchmark.phases=" + given + " names an unknown phase '" + name.strip()
                        + "'; give some of " + Arrays.stream(Phase.values()).map(phase -> phase.name()
                        .toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")), e);
            }
        }
        return phases;
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        try {
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is not a whole number; give e.g. -D"
                    + name + "=" + fallback, e);
        }
    }
}
