package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.security.auth.module.UnixSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** As root the server runs as 'nobody', which must be able to enter every directory above its data. */
class EmbeddedPostgresUnreachableDirectoryTest {

    private final Path parent = TestDirectories.fresh("private");

    @AfterEach
    void deleteDirectory() {
        TestDirectories.delete(parent);
    }

    @Test
    void namesTheDirectoryNobodyCannotEnterAndTheFix() throws Exception {
        assumeTrue(new UnixSystem().getUid() == 0, "only root hands the server to 'nobody'");
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path directory = parent.resolve("data");

        assertThatThrownBy(() -> EmbeddedPostgres.start(directory))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessage(ServerAccount.UNREACHABLE_DIRECTORY.formatted(parent, "the database", parent));
    }
}
