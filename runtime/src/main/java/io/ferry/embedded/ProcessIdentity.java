package io.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process told apart from a later one that reuses its id: on Linux by its start time, field 22
 * of {@code /proc/PID/stat} (clock ticks since boot), which the watchdog script reads the same way
 * and which any user may read. Without {@code /proc} (macOS) the start time is empty and the id
 * alone counts; there the server runs as the JVM's own user, which may signal its processes.
 */
record ProcessIdentity(long processId, String startTime) {

    private static final Path PROC = Path.of("/proc");
    private static final String ZOMBIE = "Z";

    static ProcessIdentity current() {
        return of(ProcessHandle.current().pid()).orElseThrow();
    }

    /** The process running with that id, or empty when none does (an unreaped zombie has ended). */
    static Optional<ProcessIdentity> of(long processId) {
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return ProcessHandle.of(processId).filter(ProcessHandle::isAlive).map(process -> new ProcessIdentity(processId, ""));
        }
        String stat;
        try {
            stat = Files.readString(PROC.resolve(Long.toString(processId)).resolve("stat"));
        } catch (IOException gone) {
            return Optional.empty();
        }
        // The command name (field 2) may hold spaces and parentheses; the fields after it cannot.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        return fields[0].equals(ZOMBIE) ? Optional.empty() : Optional.of(new ProcessIdentity(processId, fields[19]));
    }

    boolean alive() {
        return of(processId).filter(this::equals).isPresent();
    }
}
