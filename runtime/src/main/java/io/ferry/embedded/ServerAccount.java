package io.ferry.embedded;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system user that runs initdb, pg_ctl and the server. PostgreSQL refuses to run as
 * root, so when this JVM is root (as in CI containers) the programs run as {@code nobody} through
 * util-linux's {@code setpriv}, and the files they need are handed to that user. Anyone else runs
 * them directly.
 */
final class ServerAccount {

    static final int NOBODY = 65534;

    static final String UNREACHABLE_DIRECTORY = "PostgreSQL refuses to run as root, so Ferry runs it as"
            + " the user 'nobody' (uid 65534), but 'nobody' cannot enter %s, which holds %s."
            + " Choose a data directory that every user can reach (not under /root; for example"
            + " under /var/lib or /tmp), or allow entering it with: chmod o+x %s";
    static final String NO_SETPRIV = "PostgreSQL refuses to run as root, so Ferry runs it as the user"
            + " 'nobody' through the setpriv command, which is not on the PATH. Install util-linux"
            + " (it provides setpriv) or run Ferry as a user other than root.";

    private final List<String> commandPrefix;

    private ServerAccount(List<String> commandPrefix) {
        this.commandPrefix = commandPrefix;
    }

    static ServerAccount forThisProcess() {
        if (new UnixSystem().getUid() != 0) {
            return new ServerAccount(List.of());
        }
        String setpriv = onPath("setpriv").orElseThrow(() -> new EmbeddedPostgresException(NO_SETPRIV));
        return new ServerAccount(List.of(setpriv, "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    }

    boolean switchesUser() {
        return !commandPrefix.isEmpty();
    }

    /** Gives the file to the server's user, so the server may write it. */
    void handOver(Path path) throws IOException {
        if (switchesUser()) {
            Files.setAttribute(path, "unix:uid", NOBODY);
            Files.setAttribute(path, "unix:gid", NOBODY);
        }
    }

    /**
     * Fails unless the server's user can enter {@code path} and every directory above it.
     *
     * @param purpose what the directory holds, for the message
     */
    void requireReachable(Path path, String purpose) throws IOException {
        if (!switchesUser()) {
            return;
        }
        for (Path directory = path.toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (!enterableByNobody(Files.readAttributes(directory, PosixFileAttributes.class))) {
                throw new EmbeddedPostgresException(UNREACHABLE_DIRECTORY.formatted(directory, purpose, directory));
            }
        }
    }

    // POSIX applies the first of owner, group, others that matches; setpriv gives 'nobody' group 65534 only.
    private static boolean enterableByNobody(PosixFileAttributes attributes) {
        String owner = attributes.owner().getName();
        if (owner.equals("nobody") || owner.equals(String.valueOf(NOBODY))) {
            return attributes.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
        }
        String group = attributes.group().getName();
        if (group.equals("nogroup") || group.equals("nobody") || group.equals(String.valueOf(NOBODY))) {
            return attributes.permissions().contains(PosixFilePermission.GROUP_EXECUTE);
        }
        return attributes.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
    }

    /**
     * Runs a PostgreSQL program as the server's user in {@code workingDirectory}, waiting at most
     * {@code timeout}. Output goes to a file rather than a pipe, so a server the program leaves
     * running can never block on it.
     */
    CommandResult run(List<String> command, Path workingDirectory, Duration timeout) {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(command);
        Path output = null;
        try {
            output = Files.createTempFile("ferry-postgres-", ".out");
            ProcessBuilder builder = new ProcessBuilder(full)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("LC_ALL", "C");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult(full, -1, "gave no answer within " + timeout.toSeconds() + " s\n"
                        + Files.readString(output));
            }
            return new CommandResult(full, process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            return new CommandResult(full, -1, "could not run: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(full, -1, "interrupted");
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static Optional<String> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** What a program said and how it ended. */
    record CommandResult(List<String> command, int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }

        String describe() {
            return String.join(" ", command) + " ended with exit code " + exitCode + ":\n" + output.strip();
        }
    }
}
