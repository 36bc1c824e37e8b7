package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two application processes on one database: the server stays while either still runs. */
class EmbeddedPostgresSharedByTwoJvmsTest {

    private final Path directory = TestDirectories.fresh("shared");

    @AfterEach
    void deleteDirectory() {
        TestDirectories.delete(directory);
    }

    @Test
    void killingTheJvmThatStartedTheServerLeavesItServingTheOther() throws Exception {
        try (AnotherJvm starter = AnotherJvm.using(directory);
                EmbeddedPostgres adopted = EmbeddedPostgres.start(directory)) {
            PostmasterPidFile server = PostmasterPidFile.read(directory.resolve("pgdata")).orElseThrow();
            assertThat(adopted.port()).isEqualTo(server.port());

            starter.kill();
            String decision = "JVM " + starter.processId() + " gone; 1 still using the server";
            Eventually.within(Duration.ofSeconds(30), "the watchdog logs '" + decision + "'",
                    () -> log().contains(decision));

            assertThat(log()).doesNotContain("no JVM uses the server");
            assertThat(ProcessIdentity.of(server.processId())).isPresent();
            assertThat(TestQueries.number(directory, adopted.port(), "SELECT 42")).isEqualTo(42);
        }
        // The last JVM's normal exit stops the server at once.
        assertThat(PostmasterPidFile.read(directory.resolve("pgdata"))).isEmpty();
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("postgres.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
