package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As root the server runs as 'nobody'. Where that user cannot enter a directory above the data and
 * setpriv cannot pass it the capability to (too old, or not in the container's bounding set), or
 * cannot enter the directory of the programs, the message names the directory and the ways out.
 */
class EmbeddedPostgresUnreachableDirectoryTest {

    private final Path root = TestDirectories.fresh("unreachable");
    private Path parent;

    @BeforeEach
    void createPrivateDirectory() throws Exception {
        parent = Files.createDirectories(root.resolve("private"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    @AfterEach
    void deleteDirectory() {
        TestDirectories.delete(root);
    }

    @Test
    void dataNamesTheDirectoryWhatSetprivSaidAndTheWaysOut() throws Exception {
        Path setpriv = Files.createDirectories(root.resolve("bin")).resolve("setpriv");
        Files.writeString(setpriv, "#!/bin/sh\necho \"setpriv: unrecognized option '--ambient-caps'\"\nexit 1\n");
        Files.setPosixFilePermissions(setpriv, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path directory = Files.createDirectories(parent.resolve("data"));

        assertThatThrownBy(() -> ServerAccount.nobodyThrough(setpriv.toString()).reaching(directory))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageStartingWith("PostgreSQL refuses to run as root, so Ferry runs it as the user 'nobody'"
                        + " (uid 65534), but 'nobody' cannot enter " + parent + ", which holds the database, and could"
                        + " not be given the capability CAP_DAC_READ_SEARCH to pass through it:\n" + setpriv)
                .hasMessageContaining("ended with exit code 1:\nsetpriv: unrecognized option '--ambient-caps'\n")
                .hasMessageEndingWith("allow entering the directory with: chmod o+x " + parent + "; let root's"
                        + " processes pass the capability on (a container started with --cap-add=DAC_READ_SEARCH,"
                        + " and util-linux 2.31 or later for setpriv --ambient-caps); or run Ferry as a user other"
                        + " than root.");
    }

    @Test
    void programsNameTheDirectoryAndJavaIoTmpdir() throws Exception {
        Path installation = Files.createDirectories(parent.resolve("ferry-postgres-" + PostgresBinaries.VERSION));

        assertThatThrownBy(() -> ServerAccount.nobodyThrough("/usr/bin/setpriv").requireReachablePrograms(installation))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessage(ServerAccount.UNREACHABLE_PROGRAMS.formatted(parent, installation, parent))
                .hasMessageContaining("Start Ferry with -Djava.io.tmpdir set to a directory every user can reach");
    }
}
