package io.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVMs using one embedded server, so that it stops when the last of them is gone and not
 * before. While a JVM uses the server it keeps a file named by its process id in {@code jvms/},
 * holding its start time ({@link ProcessIdentity}); files of processes that are gone are removed
 * by whoever finds them.
 *
 * <p>Whoever is about to stop the server (a JVM leaving it, or the {@link Watchdog}) first leaves
 * a file in {@code stopping/}, then looks for live JVMs; a JVM about to use the server first
 * registers, then waits while a live process has a file in {@code stopping/}. So either the
 * stopper sees the newcomer and lets the server run, or the newcomer sees the stopper and decides
 * only once the server is down: a server is never adopted and stopped at once.
 */
final class ServerUsers {

    static final String JVMS = "jvms";
    static final String STOPPING = "stopping";

    private static final Duration STOPPER_PATIENCE = Duration.ofSeconds(45);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path jvms;
    private final Path stopping;
    private final ProcessIdentity self;

    private ServerUsers(Path directory, ProcessIdentity self) {
        this.jvms = directory.resolve(JVMS);
        this.stopping = directory.resolve(STOPPING);
        this.self = self;
    }

    /** Registers this JVM as a user of the server whose files are in {@code directory}. */
    static ServerUsers join(Path directory, ServerAccount account) throws IOException {
        ServerUsers users = new ServerUsers(directory, ProcessIdentity.current());
        for (Path folder : List.of(users.jvms, users.stopping)) {
            Files.createDirectories(folder);
            account.handOver(folder); // the watchdog runs as the server's user and tidies both
        }
        write(users.jvms, users.self);
        return users;
    }

    /** Waits, for as long as a stop may take, while another process is stopping the server. */
    void awaitStoppers() throws IOException {
        long deadline = System.nanoTime() + STOPPER_PATIENCE.toNanos();
        while (!alive(stopping).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedPostgresException("Interrupted while waiting for the embedded PostgreSQL in "
                        + stopping.getParent() + " to stop", e);
            }
        }
    }

    /**
     * Unregisters this JVM and runs {@code stop} unless another live JVM still uses the server.
     *
     * @return whether {@code stop} ran
     */
    boolean leave(Runnable stop) {
        try {
            Files.deleteIfExists(file(jvms, self));
            Path marker = write(stopping, self);
            try {
                if (!alive(jvms).isEmpty()) {
                    return false;
                }
                stop.run();
                return true;
            } finally {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not update the list of JVMs using the embedded PostgreSQL in "
                    + jvms.getParent() + ": " + e + ". Check that the directory is writable.", e);
        }
    }

    /** The live processes with a file in {@code folder}; the files of those that are gone are removed. */
    private static List<ProcessIdentity> alive(Path folder) throws IOException {
        List<ProcessIdentity> alive = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(ServerUsers::namesAProcess).toList()) {
                ProcessIdentity process;
                try {
                    process = new ProcessIdentity(Long.parseLong(file.getFileName().toString()), Files.readString(file).strip());
                } catch (NoSuchFileException leftMeanwhile) {
                    continue;
                }
                if (process.alive()) {
                    alive.add(process);
                } else {
                    Files.deleteIfExists(file);
                }
            }
        }
        return alive;
    }

    private static boolean namesAProcess(Path file) {
        return file.getFileName().toString().chars().allMatch(Character::isDigit);
    }

    // Written aside and renamed, so a reader never sees a file without its start time.
    private static Path write(Path folder, ProcessIdentity process) throws IOException {
        Path aside = folder.resolve("." + process.processId());
        Files.writeString(aside, process.startTime() + "\n");
        return Files.move(aside, file(folder, process), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path file(Path folder, ProcessIdentity process) {
        return folder.resolve(Long.toString(process.processId()));
    }
}
