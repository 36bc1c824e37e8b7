package io.ferry.embedded;

import io.ferry.release.ToolCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server started from the binaries on the classpath, for when no datasource URL
 * is configured: nothing is needed but a JDK. A directory holds everything: the cluster in
 * {@code pgdata/}, the generated password in {@code password} and the server log in
 * {@code postgres.log}. Data survives restarts, so a restarted or newer build of the application
 * finds the same process instances.
 *
 * <p>Several JVMs may use one directory at once (two application processes on one database): the
 * first starts the server, the others adopt it, and it stops when the last of them exits, or a
 * few seconds after the last is killed ({@link ServerUsers}, {@link Watchdog}). A JVM starting
 * while a server of a crashed JVM still runs adopts it rather than starting it twice.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The database the application uses; the server's superuser is {@value PostgresCluster#USERNAME}. */
    public static final String DATABASE = "ferry";

    static final String PASSWORD_FILE = "password";
    static final String MISSING_PASSWORD = "The embedded PostgreSQL cluster in %s has no password file %s,"
            + " so Ferry cannot log in to it. Restore the file, or delete %s to begin again with an"
            + " empty database (its data is lost).";
    static final String CANNOT_CONNECT = "Could not connect to the embedded PostgreSQL in %s on port %d: %s\n"
            + "Last lines of its log %s:\n%s\n"
            + "If a server left running there is not Ferry's, stop it (kill the process named on the first"
            + " line of %s) and start again.";

    /** One line at start with what a tool needs to log in; the reference application's folders in the command. */
    static final String FOR_TOOLS = "The embedded PostgreSQL is %s, user %s, password in %s; preview a release against it"
            + " with: %s";

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static boolean stopOnExitRegistered;

    private final Path directory;
    private final PostgresCluster cluster;
    private final ServerUsers users;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path directory, PostgresCluster cluster, ServerUsers users, int port, String password) {
        this.directory = directory;
        this.cluster = cluster;
        this.users = users;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server whose data lives in {@code directory}, creating the cluster first when the
     * directory is empty or absent. Within one JVM, starting a directory whose server runs returns
     * the running one.
     *
     * @throws EmbeddedPostgresException saying what went wrong and what to do
     */
    public static EmbeddedPostgres start(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        synchronized (RUNNING) {
            EmbeddedPostgres running = RUNNING.get(absolute);
            if (running != null) {
                return running;
            }
            EmbeddedPostgres started = launch(absolute);
            RUNNING.put(absolute, started);
            if (!stopOnExitRegistered) {
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stopAll, "ferry-embedded-postgres-stop"));
                stopOnExitRegistered = true;
            }
            return started;
        }
    }

    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    /** The URL for {@code quarkus.datasource.reactive.url}. */
    public String reactiveUrl() {
        return "postgresql://" + PostgresCluster.LOOPBACK + ":" + port + "/" + DATABASE;
    }

    public String username() {
        return PostgresCluster.USERNAME;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Stops the server quickly, ending open connections, unless another JVM still uses it; does
     * nothing when already closed.
     */
    @Override
    public void close() {
        synchronized (RUNNING) {
            if (!RUNNING.remove(directory, this)) {
                return;
            }
        }
        long begin = System.nanoTime();
        if (users.leave(cluster::stop)) {
            LOG.debugf("Stopped the embedded PostgreSQL in %s in %d ms", directory, millisSince(begin));
        } else {
            LOG.infof("Left the embedded PostgreSQL in %s running for the other JVMs that use it", directory);
        }
    }

    private static void stopAll() {
        synchronized (RUNNING) {
            for (EmbeddedPostgres server : new ArrayList<>(RUNNING.values())) {
                try {
                    server.close();
                } catch (RuntimeException e) {
                    LOG.error(e.getMessage(), e);
                }
            }
        }
    }

    private static EmbeddedPostgres launch(Path directory) {
        try {
            Platform platform = Platform.current();
            ServerAccount account = ServerAccount.forThisProcess();
            Files.createDirectories(directory);
            account.handOver(directory);
            account = account.reaching(directory);
            PostgresBinaries binaries = PostgresBinaries.unpackedFor(platform);
            account.requireReachablePrograms(binaries.installation());
            PostgresCluster cluster = new PostgresCluster(directory, binaries, account);
            String password = cluster.exists() ? readPassword(directory) : create(cluster, account);
            cluster.requireCompatible();
            ServerUsers users = ServerUsers.join(directory, account);
            try {
                int port = adoptOrStart(cluster, users);
                EmbeddedPostgres server = new EmbeddedPostgres(directory, cluster, users, port, password);
                server.createDatabaseUnlessPresent();
                LOG.infof(FOR_TOOLS, server.jdbcUrl(), server.username(), asTyped(directory.resolve(PASSWORD_FILE)),
                        ToolCommand.previewEmbedded("plans", List.of("src/main/resources/processes"), asTyped(directory)));
                return server;
            } catch (IOException | RuntimeException e) {
                try {
                    users.leave(cluster::stop);
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not prepare the embedded PostgreSQL in " + directory + ": " + e
                    + ". Check that the directory is writable, or choose another one.", e);
        }
    }

    /** The path from the working directory when the file is below it, as a person would type it there. */
    private static String asTyped(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) && !path.equals(here) ? here.relativize(path).toString() : path.toString();
    }

    private static String create(PostgresCluster cluster, ServerAccount account) throws IOException {
        Path directory = cluster.dataDirectory().getParent();
        String password = newPassword();
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n");
        account.handOver(passwordFile);
        long begin = System.nanoTime();
        cluster.create(passwordFile);
        LOG.infof("Created an embedded PostgreSQL cluster in %s in %d ms", directory, millisSince(begin));
        return password;
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String readPassword(Path directory) throws IOException {
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        try {
            return Files.readString(passwordFile).strip();
        } catch (NoSuchFileException e) {
            throw new EmbeddedPostgresException(MISSING_PASSWORD.formatted(directory, passwordFile, directory), e);
        }
    }

    // Each JVM that starts or adopts the server starts a watchdog, so one runs even if an earlier one was killed.
    private static int adoptOrStart(PostgresCluster cluster, ServerUsers users) throws IOException {
        users.awaitStoppers();
        Optional<PostmasterPidFile> running = runningServer(cluster);
        if (running.isPresent()) {
            LOG.infof("Adopted the embedded PostgreSQL running in %s (process %d, port %d)",
                    cluster.dataDirectory().getParent(), running.get().processId(), running.get().port());
            cluster.watch(running.get());
            return running.get().port();
        }
        long begin = System.nanoTime();
        PostmasterPidFile started;
        try {
            started = cluster.start();
            LOG.infof("Started the embedded PostgreSQL %s on port %d in %d ms, data in %s",
                    PostgresBinaries.VERSION, started.port(), millisSince(begin), cluster.dataDirectory());
        } catch (EmbeddedPostgresException e) {
            // Another JVM may have started the same cluster a moment ago.
            started = runningServer(cluster).orElseThrow(() -> e);
        }
        cluster.watch(started);
        return started.port();
    }

    private static Optional<PostmasterPidFile> runningServer(PostgresCluster cluster) {
        return PostmasterPidFile.read(cluster.dataDirectory()).filter(PostmasterPidFile::serverAlive);
    }

    private void createDatabaseUnlessPresent() {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement();
                ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: a concurrent JVM was first
                throw cannotConnect(e);
            }
        }
    }

    // A server just adopted may still be starting up, so refused connections are retried a while.
    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username());
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("sslmode", "disable");
        String url = "jdbc:postgresql://" + PostgresCluster.LOOPBACK + ":" + port + "/" + database;
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (true) {
            try {
                return new org.postgresql.Driver().connect(url, properties);
            } catch (SQLException e) {
                boolean notYet = "08001".equals(e.getSQLState()) || "57P03".equals(e.getSQLState());
                if (!notYet || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofMillis(100));
            }
        }
    }

    private EmbeddedPostgresException cannotConnect(SQLException e) {
        ServerLog log = cluster.log();
        return new EmbeddedPostgresException(CANNOT_CONNECT.formatted(directory, port, e.getMessage(), log.file(),
                log.tail().strip(), cluster.dataDirectory().resolve(PostmasterPidFile.FILE_NAME)), e);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("Interrupted while waiting for the embedded PostgreSQL", e);
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
