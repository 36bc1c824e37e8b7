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
import org.jboss.logging.Logger;

/**
 * The operating-system user that runs initdb, pg_ctl, the server and its watchdog. PostgreSQL
 * refuses to run as root, so when this JVM is root (as in CI containers) the programs run as
 * {@code nobody} through util-linux's {@code setpriv}, and the files they need are handed to that
 * user. When {@code nobody} cannot enter a directory above the data (a clone under {@code /root}),
 * the programs also get the capability CAP_DAC_READ_SEARCH, which lets them pass through (and
 * read) directories but never write where {@code nobody} may not. Anyone else runs them directly.
 */
final class ServerAccount {

    static final int NOBODY = 65534;

    static final String UNREACHABLE_DIRECTORY = "PostgreSQL refuses to run as root, so Ferry runs it as"
            + " the user 'nobody' (uid 65534), but 'nobody' cannot enter %s, which holds the database, and"
            + " could not be given the capability CAP_DAC_READ_SEARCH to pass through it:\n%s\n"
            + "Do one of these: choose a data directory every user can reach (not under /root; for example"
            + " under /var/lib or /tmp) with quarkus.ferry.embedded-postgres.data-dir; allow entering the"
            + " directory with: chmod o+x %s; let root's processes pass the capability on (a container"
            + " started with --cap-add=DAC_READ_SEARCH, and util-linux 2.31 or later for setpriv"
            + " --ambient-caps); or run Ferry as a user other than root.";
    static final String UNREACHABLE_PROGRAMS = "PostgreSQL refuses to run as root, so Ferry runs it as the"
            + " user 'nobody' (uid 65534), but 'nobody' cannot enter %s, which holds the PostgreSQL programs"
            + " unpacked into java.io.tmpdir (%s), and PostgreSQL checks its own programs in a way no"
            + " capability gets past. Start Ferry with -Djava.io.tmpdir set to a directory every user can"
            + " reach (the default /tmp is one), allow entering the directory with: chmod o+x %s, or run"
            + " Ferry as a user other than root.";
    static final String NO_SETPRIV = "PostgreSQL refuses to run as root, so Ferry runs it as the user"
            + " 'nobody' through the setpriv command, which is not on the PATH. Install util-linux"
            + " (it provides setpriv) or run Ferry as a user other than root.";

    private static final Logger LOG = Logger.getLogger(ServerAccount.class);
    private static final String CAPABILITY = "dac_read_search";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> commandPrefix;
    private final String setpriv;
    private final boolean passesDirectories;

    private ServerAccount(List<String> commandPrefix, String setpriv, boolean passesDirectories) {
        this.commandPrefix = commandPrefix;
        this.setpriv = setpriv;
        this.passesDirectories = passesDirectories;
    }

    static ServerAccount forThisProcess() {
        if (new UnixSystem().getUid() != 0) {
            return new ServerAccount(List.of(), null, false);
        }
        return nobodyThrough(onPath("setpriv").orElseThrow(() -> new EmbeddedPostgresException(NO_SETPRIV)));
    }

    /** The account root uses: {@code nobody}, reached through the given setpriv program. */
    static ServerAccount nobodyThrough(String setpriv) {
        return new ServerAccount(List.of(setpriv, "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"),
                setpriv, false);
    }

    boolean switchesUser() {
        return setpriv != null;
    }

    /** Gives the file to the server's user, so the server may write it. */
    void handOver(Path path) throws IOException {
        if (switchesUser()) {
            Files.setAttribute(path, "unix:uid", NOBODY);
            Files.setAttribute(path, "unix:gid", NOBODY);
        }
    }

    /**
     * This account, or one whose programs may pass through directories, so that they reach the
     * data directory; fails, saying what would work, when neither can.
     */
    ServerAccount reaching(Path dataDirectory) throws IOException {
        if (!switchesUser() || passesDirectories) {
            return this;
        }
        Optional<Path> closed = firstUnenterable(dataDirectory.toAbsolutePath());
        if (closed.isEmpty()) {
            return this;
        }
        // Granted only where needed: the capability lets the server read any file on the machine.
        ServerAccount passing = new ServerAccount(List.of(setpriv, "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--inh-caps=+" + CAPABILITY, "--ambient-caps=+" + CAPABILITY, "--"), setpriv, true);
        CommandResult probe = passing.run(List.of("/bin/sh", "-c", "cd \"$1\"", "probe", dataDirectory.toAbsolutePath().toString()),
                Path.of("/"), PROBE_TIMEOUT);
        if (!probe.succeeded()) {
            throw new EmbeddedPostgresException(UNREACHABLE_DIRECTORY.formatted(closed.get(), probe.describe(), closed.get()));
        }
        LOG.infof("'nobody' cannot enter %s, so the embedded PostgreSQL runs with the capability"
                + " CAP_DAC_READ_SEARCH to reach its data in %s", closed.get(), dataDirectory);
        return passing;
    }

    /**
     * Fails unless the server's user can enter the programs' directory and every one above it,
     * capability or not: PostgreSQL checks its programs with access(2), which ignores capabilities
     * for any user but root.
     */
    void requireReachablePrograms(Path installation) throws IOException {
        if (!switchesUser()) {
            return;
        }
        Optional<Path> closed = firstUnenterable(installation.toAbsolutePath());
        if (closed.isPresent()) {
            throw new EmbeddedPostgresException(UNREACHABLE_PROGRAMS.formatted(closed.get(), installation, closed.get()));
        }
    }

    private static Optional<Path> firstUnenterable(Path path) throws IOException {
        for (Path directory = path; directory != null; directory = directory.getParent()) {
            if (!enterableByNobody(Files.readAttributes(directory, PosixFileAttributes.class))) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
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
        List<String> full = withPrefix(command);
        Path output = null;
        try {
            output = Files.createTempFile("ferry-postgres-", ".out");
            Process process = builder(full, workingDirectory).redirectOutput(output.toFile()).start();
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

    /** Starts a program as the server's user and leaves it running, its output appended to {@code log}. */
    Process startInBackground(List<String> command, Path workingDirectory, Path log) throws IOException {
        return builder(withPrefix(command), workingDirectory).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private List<String> withPrefix(List<String> command) {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(command);
        return full;
    }

    private static ProcessBuilder builder(List<String> command, Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("LC_ALL", "C");
        return builder;
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
