package io.ferry.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark command: in quick mode in the normal build (so it keeps working; its numbers
 * are never asserted), in full mode with {@code -Pbenchmark}. Named to run after the app's own ITs.
 */
class BenchmarkIT {

    @Test
    void everyRowOfTheTableIsMeasured() throws Exception {
        Results results = new Benchmark(BenchmarkParameters.fromSystemProperties()).run();
        assertThat(results.unmeasured()).as("measurements that saw no work, or failed").isEmpty();
    }
}
