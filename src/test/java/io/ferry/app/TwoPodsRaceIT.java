package io.ferry.app;

import io.ferry.embedded.EmbeddedPostgres;
import io.ferry.execution.EngineEvent;
import io.ferry.problem.ProblemType;
import io.ferry.rollout.MigrationRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "Two pods at once": two packaged apps on one PostgreSQL both sweep a backlog of version
 * 1 orders while clients complete "approveOrder" on random old instances through either app. No
 * request may end in a 5xx, and the database must show every change applied exactly once.
 */
class TwoPodsRaceIT {

    private static final Path HOME = Path.of("target/two-pods-it").toAbsolutePath();
    /** Enough old instances that sweeps and completions meet on the same rows, few enough for about a minute. */
    private static final int BACKLOG = 3_000;
    private static final int CLIENTS = 4;
    private static final int COMPLETIONS_PER_CLIENT = 125;
    private static final int BATCH_SIZE = 100;
    private static final int MAX_BATCHES = 5;
    private static final String SWEEP = "/admin/migrations/sweep?batchSize=" + BATCH_SIZE + "&maxBatches=" + MAX_BATCHES;
    /** Each pod alone would need BACKLOG / 500 calls; far more means the sweep never reports finished. */
    private static final int SWEEP_CALLS_AT_MOST = 2 * BACKLOG / (BATCH_SIZE * MAX_BATCHES) + 10;
    /** The refusals a completion may meet in this race (docs/rest-api.md): done already, or overtaken. */
    private static final Set<String> RACE_REFUSALS = Set.of(problem(ProblemType.TASK_ALREADY_COMPLETED),
            problem(ProblemType.VERSION_CONFLICT));
    private static final List<String> FORBIDDEN_IN_LOGS = List.of("deadlock", "non-threadsafe");

    private EmbeddedPostgres database;
    private final List<PackagedApp> pods = new ArrayList<>();

    @Test
    void twoPodsSweepingWhileClientsCompleteTasksAnswerNo5xxAndApplyEveryChangeOnce() throws Exception {
        // given one PostgreSQL, two pods on it, and old instances waiting at version 1's "reviewOrder"
        PackagedApp.deleteRecursively(HOME);
        database = EmbeddedPostgres.start(HOME.resolve("postgres"));
        startPods("pod-a", "pod-b");
        List<UUID> oldInstances = Version1Backlog.store(database, pods.get(0), BACKLOG);

        // when each pod sweeps until finished while clients complete "approveOrder" through either pod
        PodRace.Result race = PodRace.run(pods, oldInstances, CLIENTS, COMPLETIONS_PER_CLIENT, SWEEP, SWEEP_CALLS_AT_MOST);
        System.out.println("TwoPodsRaceIT: " + race.summary());

        // then
        StoredHistory stored = new StoredHistory(database);
        SoftAssertions then = new SoftAssertions();
        then.assertThat(race.serverErrors()).as("5xx answers, or none, among %s", race.summary()).isEmpty();
        then.assertThat(race.podsNotFinished()).as("pods whose sweep never reported finished").isEmpty();

        then.assertThat(stored.instancesAtVersion("order", "1")).as("instances left at version 1 after the sweeps finished")
                .isEmpty();
        Map<UUID, Long> migrations = stored.eventsPerInstance(MigrationRecording.INSTANCE_MIGRATED);
        then.assertThat(oldInstances.stream().filter(id -> migrations.getOrDefault(id, 0L) != 1)
                        .map(id -> id + ": " + migrations.getOrDefault(id, 0L) + " InstanceMigrated events").toList())
                .as("old instances not migrated exactly once").isEmpty();

        then.assertThat(race.refusalsOtherThan(RACE_REFUSALS)).as("completions refused other than %s", RACE_REFUSALS)
                .isEmpty();
        then.assertThat(stored.eventsPerInstance(EngineEvent.TASK_COMPLETED, "approveOrder"))
                .as("TaskCompleted events of approveOrder per instance, against the completions answered 200")
                .isEqualTo(race.appliedCompletions());
        then.assertThat(stored.historiesNotContiguous()).as("histories not numbered 1..history_length").isEmpty();

        for (PackagedApp pod : pods) {
            List<String> found = linesMentioning(pod.log(), FORBIDDEN_IN_LOGS);
            then.assertThat(found.size()).as("lines of %s mentioning %s; the first ones:\n%s", pod.log(), FORBIDDEN_IN_LOGS,
                    lines(found.subList(0, Math.min(found.size(), 20)))).isZero();
        }
        then.assertAll();
    }

    /** Both at once, as a rollout starts them: their schema migrations meet too. */
    private void startPods(String... names) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<PackagedApp>> started = new ArrayList<>();
            for (String name : names) {
                started.add(starting.submit(() -> PackagedApp.start(HOME.resolve(name), datasource())));
            }
            // Every pod that started is kept, so that it is stopped even when another failed to start.
            ExecutionException failed = null;
            for (Future<PackagedApp> pod : started) {
                try {
                    pods.add(pod.get());
                } catch (ExecutionException notReady) {
                    failed = notReady;
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            starting.shutdown();
        }
    }

    private String[] datasource() {
        return PackagedApp.datasource(database).toArray(String[]::new);
    }

    private static String problem(ProblemType type) {
        return "https://ferry.io/problems/" + type.slug();
    }

    private static String lines(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    private static List<String> linesMentioning(Path log, List<String> words) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> words.stream().anyMatch(line.toLowerCase(Locale.ROOT)::contains)).toList();
        }
    }

    @AfterEach
    void stopPodsAndDatabase() throws InterruptedException {
        for (PackagedApp pod : pods) {
            pod.stop();
        }
        if (database != null) {
            database.close();
        }
    }
}
