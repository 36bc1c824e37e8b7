package io.ferry.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Clusters private to one JVM (tests): {@code <data-dir>-<pid>}, shared by every application
 * start within that JVM. Directories left by JVMs that have exited are removed on the next start,
 * rather than at exit, where removal would race the server's own shutdown.
 */
final class EphemeralDirectories {

    private EphemeralDirectories() {
    }

    static Path forThisJvm(Path directory) {
        Path parent = directory.toAbsolutePath().getParent();
        String prefix = directory.getFileName() + "-";
        removeAbandoned(parent, prefix);
        return parent.resolve(prefix + ProcessHandle.current().pid());
    }

    private static void removeAbandoned(Path parent, String prefix) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            siblings.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(path -> !ownerAlive(path.getFileName().toString().substring(prefix.length())))
                    .forEach(EphemeralDirectories::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ownerAlive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException notOurs) {
            return true;
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
