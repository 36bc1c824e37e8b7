package io.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Paths of fresh directories under target/, for servers the tests start. */
final class TestDirectories {

    private static final Path ROOT = Path.of("target", "embedded-postgres").toAbsolutePath();
    private static final Duration WATCHDOG_END = Duration.ofSeconds(10);

    private TestDirectories() {
    }

    /** A directory that does not exist yet, as the launcher meets it on an application's first run. */
    static Path fresh(String name) {
        return ROOT.resolve(name + "-" + UUID.randomUUID());
    }

    /** Deletes the directory once its watchdog has ended, so it writes no file there meanwhile. */
    static void delete(Path directory) {
        try {
            long watchdog = Long.parseLong(Files.readString(directory.resolve(Watchdog.PROCESS_ID_FILE)).strip());
            Eventually.within(WATCHDOG_END, "the watchdog " + watchdog + " of " + directory + " ends",
                    () -> ProcessIdentity.of(watchdog).isEmpty());
        } catch (NoSuchFileException noWatchdog) {
            // the server never started
        } catch (IOException | InterruptedException | AssertionError e) {
            System.err.println("Deleting " + directory + " while its watchdog may run: " + e);
        }
        PostgresBinaries.deleteTree(directory);
    }
}
