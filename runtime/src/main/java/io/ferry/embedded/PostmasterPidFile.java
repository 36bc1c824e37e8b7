package io.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} a running server keeps in its data directory: line 1 is the
 * server's process id, line 4 its port. A server left running by a JVM that crashed is found
 * through it.
 */
record PostmasterPidFile(long processId, int port) {

    static final String FILE_NAME = "postmaster.pid";

    /** The file's content, or empty when there is none or the server has not written its port yet. */
    static Optional<PostmasterPidFile> read(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not read " + dataDirectory.resolve(FILE_NAME) + ": " + e, e);
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPidFile(Long.parseLong(lines.get(0).strip()), Integer.parseInt(lines.get(3).strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process is alive and, where this user may see it, a PostgreSQL server: after a
     * reboot a stale file's process id may belong to some other program.
     */
    boolean serverAlive() {
        return ProcessHandle.of(processId)
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true))
                .orElse(false);
    }
}
