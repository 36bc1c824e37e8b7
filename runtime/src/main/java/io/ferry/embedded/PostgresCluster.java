package io.ferry.embedded;

import io.ferry.embedded.ServerAccount.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One PostgreSQL cluster in {@code <directory>/pgdata}, with its log in
 * {@code <directory>/postgres.log}: created with initdb, started and stopped with pg_ctl. The
 * server listens on 127.0.0.1 only, on a port free at start, and has no unix socket, whose
 * directory would need permissions of its own.
 */
final class PostgresCluster {

    static final String USERNAME = "ferry";
    static final String LOOPBACK = "127.0.0.1";

    static final String INITDB_FAILED = "initdb could not create the embedded PostgreSQL cluster in %s:\n%s\n"
            + "Fix what initdb names, or point Ferry at a PostgreSQL server by setting"
            + " quarkus.datasource.reactive.url and quarkus.datasource.jdbc.url.";
    static final String START_FAILED = "The embedded PostgreSQL in %s did not start:\n%s\n"
            + "Last lines of its log %s:\n%s\n"
            + "Fix what the log names; or delete %s to begin again with an empty database (its data is lost);"
            + " or point Ferry at a PostgreSQL server by setting quarkus.datasource.reactive.url and"
            + " quarkus.datasource.jdbc.url.";
    static final String STOP_FAILED = "The embedded PostgreSQL in %s did not stop:\n%s";
    static final String INCOMPATIBLE = "The embedded PostgreSQL cluster in %s was created by PostgreSQL %s,"
            + " but Ferry ships PostgreSQL %s, which cannot open it. Move the data over with pg_dump"
            + " and pg_restore, or delete %s to begin again with an empty database (its data is lost).";

    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final Path dataDirectory;
    private final PostgresBinaries binaries;
    private final ServerAccount account;
    private final ServerLog log;

    PostgresCluster(Path directory, PostgresBinaries binaries, ServerAccount account) {
        this.directory = directory;
        this.dataDirectory = directory.resolve("pgdata");
        this.binaries = binaries;
        this.account = account;
        this.log = new ServerLog(directory.resolve("postgres.log"));
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean exists() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    /**
     * Creates the cluster with the superuser {@value #USERNAME}. initdb works in a side directory
     * renamed into place when done, so a crash half-way never leaves a cluster that looks real.
     */
    void create(Path passwordFile) throws IOException {
        Path initializing = directory.resolve("pgdata-initializing");
        PostgresBinaries.deleteTree(initializing);
        Files.createDirectory(initializing);
        account.handOver(initializing);
        CommandResult result = account.run(List.of(
                binaries.program("initdb").toString(),
                "--pgdata=" + initializing,
                "--locale=C",
                "--encoding=UTF8",
                "--username=" + USERNAME,
                "--auth=scram-sha-256",
                "--pwfile=" + passwordFile,
                // Skipping the final fsync halves initdb's time; the new cluster holds no data yet.
                "--no-sync"), directory, INITDB_TIMEOUT);
        if (!result.succeeded()) {
            throw new EmbeddedPostgresException(INITDB_FAILED.formatted(directory, result.describe()));
        }
        Files.move(initializing, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
    }

    void requireCompatible() throws IOException {
        String clusterVersion = Files.readString(dataDirectory.resolve("PG_VERSION")).strip();
        if (!clusterVersion.equals(PostgresBinaries.MAJOR_VERSION)) {
            throw new EmbeddedPostgresException(
                    INCOMPATIBLE.formatted(directory, clusterVersion, PostgresBinaries.MAJOR_VERSION, directory));
        }
    }

    /**
     * Starts the server and waits until it accepts connections.
     *
     * @return its process id and the port it listens on
     */
    PostmasterPidFile start() throws IOException {
        if (!Files.exists(log.file())) {
            Files.createFile(log.file());
        }
        account.handOver(log.file());
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            long logSize = log.size();
            CommandResult result = account.run(List.of(
                    binaries.program("pg_ctl").toString(),
                    "start",
                    "--pgdata=" + dataDirectory,
                    "--log=" + log.file(),
                    "--wait",
                    "--timeout=" + START_TIMEOUT.toSeconds(),
                    "-o", "-c listen_addresses=" + LOOPBACK + " -p " + port + " -c unix_socket_directories="),
                    directory, START_TIMEOUT.plusSeconds(10));
            Optional<PostmasterPidFile> started = PostmasterPidFile.read(dataDirectory);
            if (result.succeeded() && started.isPresent()) {
                return started.get();
            }
            String logged = log.since(logSize);
            // Another program may take the port between choosing and binding it.
            if (attempt < START_ATTEMPTS && logged.contains("could not bind")) {
                continue;
            }
            throw new EmbeddedPostgresException(
                    START_FAILED.formatted(directory, result.describe(), log.file(), logged.strip(), directory));
        }
    }

    /** Stops the server, letting connections end their transactions, and waits until it is down. */
    void stop() {
        CommandResult result = account.run(List.of(
                binaries.program("pg_ctl").toString(),
                "stop",
                "--pgdata=" + dataDirectory,
                "--mode=fast",
                "--wait",
                "--timeout=" + STOP_TIMEOUT.toSeconds()), directory, STOP_TIMEOUT.plusSeconds(10));
        boolean stillRunning = PostmasterPidFile.read(dataDirectory).filter(PostmasterPidFile::serverAlive).isPresent();
        if (!result.succeeded() && stillRunning) {
            throw new EmbeddedPostgresException(STOP_FAILED.formatted(directory, result.describe()));
        }
    }

    /** Starts a {@link Watchdog} that stops the server once no JVM uses it. */
    void watch(PostmasterPidFile server) throws IOException {
        Watchdog.start(directory, binaries.program("pg_ctl"), server.processId(), account, log);
    }

    ServerLog log() {
        return log;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }
}
