package io.ferry.embedded;

import java.nio.file.Path;
import java.util.UUID;

/** Paths of fresh directories under target/, for servers the tests start. */
final class TestDirectories {

    private static final Path ROOT = Path.of("target", "embedded-postgres").toAbsolutePath();

    private TestDirectories() {
    }

    /** A directory that does not exist yet, as the launcher meets it on an application's first run. */
    static Path fresh(String name) {
        return ROOT.resolve(name + "-" + UUID.randomUUID());
    }

    static void delete(Path directory) {
        PostgresBinaries.deleteTree(directory);
    }
}
