package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A clone under /root: the data sits below a directory only its owner may enter. As root the
 * server runs as 'nobody' with CAP_DAC_READ_SEARCH to pass through it; for anyone else the
 * directory is their own. Either way the cluster is created, serves, and keeps its rows.
 */
class EmbeddedPostgresBelowPrivateDirectoryTest {

    private final Path parent = TestDirectories.fresh("private");

    @AfterEach
    void deleteDirectory() {
        TestDirectories.delete(parent);
    }

    @Test
    void aClusterBelowADirectoryOnlyItsOwnerMayEnterStartsAndKeepsItsRows() throws Exception {
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path directory = parent.resolve("ferry-data").resolve("postgres");

        try (EmbeddedPostgres first = EmbeddedPostgres.start(directory)) {
            TestQueries.number(directory, first.port(), "CREATE TABLE instance AS SELECT generate_series(1, 2) AS id");
        }
        assertThat(PostmasterPidFile.read(directory.resolve("pgdata"))).isEmpty();

        try (EmbeddedPostgres second = EmbeddedPostgres.start(directory)) {
            assertThat(TestQueries.number(directory, second.port(), "SELECT count(*) FROM instance")).isEqualTo(2);
        }
        assertThat(Files.getPosixFilePermissions(parent)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
