package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The tests share one cluster, which the first to run creates, to pay for initdb once. */
class EmbeddedPostgresRestartTest {

    private static final Path DIRECTORY = TestDirectories.fresh("restart");

    @AfterAll
    static void deleteDirectory() {
        TestDirectories.delete(DIRECTORY);
    }

    @Test
    void aRestartedServerKeepsTheRows() throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgres.start(DIRECTORY)) {
            TestQueries.number(first, "CREATE TABLE instance AS SELECT generate_series(1, 2) AS id");
        }
        assertThat(PostmasterPidFile.read(DIRECTORY.resolve("pgdata"))).isEmpty();

        try (EmbeddedPostgres second = EmbeddedPostgres.start(DIRECTORY)) {
            assertThat(TestQueries.number(second, "SELECT count(*) FROM instance")).isEqualTo(2);
        }
    }

    @Test
    void aJvmStartingWhileTheServerOfACrashedJvmStillRunsAdoptsItAndStopsItOnClose() throws Exception {
        // A starting JVM registers first: here before the crash, so the watchdog keeps the server for it.
        ServerUsers.join(DIRECTORY, ServerAccount.forThisProcess());
        PostmasterPidFile orphan = startInAJvmThatCrashes();
        assertThat(orphan.serverAlive()).isTrue();

        try (EmbeddedPostgres adopted = EmbeddedPostgres.start(DIRECTORY)) {
            assertThat(adopted.port()).isEqualTo(orphan.port());
            assertThat(TestQueries.number(adopted, "SELECT 42")).isEqualTo(42);
        }
        // pg_ctl returns once postmaster.pid is gone; the process ends a moment later.
        ProcessHandle.of(orphan.processId()).ifPresent(process -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(orphan.serverAlive()).isFalse();
    }

    @Test
    void aServerThatCannotStartQuotesItsLogAndSaysWhatToDo() throws Exception {
        EmbeddedPostgres.start(DIRECTORY).close();
        Path configuration = DIRECTORY.resolve("pgdata/postgresql.conf");
        String original = Files.readString(configuration);
        Files.writeString(configuration, original + "shared_buffers = 'plenty'\n");
        try {
            assertThatThrownBy(() -> EmbeddedPostgres.start(DIRECTORY))
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageStartingWith("The embedded PostgreSQL in " + DIRECTORY + " did not start:")
                    .hasMessageContaining("invalid value for parameter \"shared_buffers\": \"plenty\"")
                    .hasMessageEndingWith("or point Ferry at a PostgreSQL server by setting"
                            + " quarkus.datasource.reactive.url and quarkus.datasource.jdbc.url.");
        } finally {
            Files.writeString(configuration, original);
        }
    }

    private static PostmasterPidFile startInAJvmThatCrashes() throws Exception {
        Path output = Files.createTempFile("ferry-crashing-jvm-", ".out");
        Process jvm = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashingApplication.class.getName(),
                DIRECTORY.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(jvm.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(jvm.exitValue()).as(Files.readString(output)).isEqualTo(CrashingApplication.EXIT_CODE);
        Files.delete(output);
        return PostmasterPidFile.read(DIRECTORY.resolve("pgdata")).orElseThrow();
    }

    /** Starts a server and dies without running shutdown hooks, as a crashed JVM would. */
    static final class CrashingApplication {

        static final int EXIT_CODE = 42;

        public static void main(String[] arguments) {
            EmbeddedPostgres.start(Path.of(arguments[0]));
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
