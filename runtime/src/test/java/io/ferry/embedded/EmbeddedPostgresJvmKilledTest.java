package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL runs no shutdown hook; its server stops by itself a moment later. */
class EmbeddedPostgresJvmKilledTest {

    private final Path directory = TestDirectories.fresh("killed");

    @AfterEach
    void deleteDirectory() {
        TestDirectories.delete(directory);
    }

    @Test
    void theServerStopsSoonAfterItsOnlyJvmIsKilledAndStartsAgainWithItsData() throws Exception {
        PostmasterPidFile server;
        try (AnotherJvm jvm = AnotherJvm.using(directory)) {
            server = PostmasterPidFile.read(directory.resolve("pgdata")).orElseThrow();
            TestQueries.number(directory, server.port(), "CREATE TABLE instance AS SELECT generate_series(1, 3) AS id");

            jvm.kill();
        }

        Eventually.within(Duration.ofSeconds(30), "the server (process " + server.processId() + ") stops",
                () -> ProcessIdentity.of(server.processId()).isEmpty());
        assertThat(PostmasterPidFile.read(directory.resolve("pgdata"))).isEmpty();
        assertThat(directory.resolve("postgres.log")).content().contains("no JVM uses the server");

        try (EmbeddedPostgres restarted = EmbeddedPostgres.start(directory)) {
            assertThat(TestQueries.number(directory, restarted.port(), "SELECT count(*) FROM instance")).isEqualTo(3);
        }
    }
}
