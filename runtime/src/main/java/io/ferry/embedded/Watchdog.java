package io.ferry.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Stops an embedded server soon after the last JVM using it is gone, however that JVM ended: a
 * {@code kill -9} runs no shutdown hook, and the server would otherwise keep its port and memory
 * until some later start adopted it. The watchdog is a POSIX {@code sh} script (nothing to install,
 * one small process), started as the server's user by each JVM that starts or adopts the
 * server; the newest one writes its process id to {@code watchdog.pid} and older ones end.
 *
 * <p>Every second it reads the {@link ServerUsers} files: a JVM counts while a process with its
 * id and start time runs ({@code /proc/PID/stat}, readable across users; {@code kill -0} where
 * there is no {@code /proc}). When none does, it stops the server with {@code pg_ctl stop -m fast}
 * under the same stopping protocol a leaving JVM follows. It ends when the server it watches is
 * down or replaced. Its lines go to the server's log.
 */
final class Watchdog {

    static final String PROCESS_ID_FILE = "watchdog.pid";
    private static final String SCRIPT = script();

    private Watchdog() {
    }

    /** Starts a watchdog for the server with process id {@code server}, taking over from any earlier one. */
    static void start(Path directory, Path pgCtl, long server, ServerAccount account, ServerLog log) throws IOException {
        account.startInBackground(List.of("/bin/sh", "-c", SCRIPT, "ferry-watchdog",
                directory.toString(), pgCtl.toString(), Long.toString(server)), directory, log.file());
    }

    private static String script() {
        try (InputStream in = Watchdog.class.getResourceAsStream("watchdog.sh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
