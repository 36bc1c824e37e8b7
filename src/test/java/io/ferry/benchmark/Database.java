package io.ferry.benchmark;

import io.ferry.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL both Ferry and the hand-written ceiling use: the server named by the usual
 * datasource variables when they are set, else an embedded one started here (so the app does
 * not start its own, and the ceiling's connections reach the very same server).
 */
final class Database implements AutoCloseable {

    /** The database in a URL: the path after host and port, up to the parameters. */
    private static final Pattern DATABASE_NAME = Pattern.compile("(//[^/]+/)([^?]*)");

    private final String jdbcUrl;
    private final String reactiveUrl;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Database(String jdbcUrl, String reactiveUrl, String username, String password, EmbeddedPostgres embedded) {
        this.jdbcUrl = jdbcUrl;
        this.reactiveUrl = reactiveUrl;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    /** The configured server, or an embedded one in {@code directory} (emptied first, so every run begins alike). */
    static Database start(Path directory) throws Exception {
        String jdbc = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (jdbc != null && !jdbc.isBlank()) {
            String reactive = System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL");
            Database configured = new Database(jdbc, reactive != null && !reactive.isBlank() ? reactive
                    : jdbc.substring("jdbc:".length()), System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                    System.getenv("QUARKUS_DATASOURCE_PASSWORD"), null);
            configured.refuseStoredInstances();
            return configured;
        }
        deleteRecursively(directory);
        EmbeddedPostgres server = EmbeddedPostgres.start(directory);
        return new Database(server.jdbcUrl(), server.reactiveUrl(), server.username(), server.password(), server);
    }

    /** A meter of the CPU the app (null for the ceiling), this server (when embedded) and this JVM use. */
    CpuMeter cpuMeter(AppProcess app) {
        return new CpuMeter(app == null ? null : app.handle(),
                embedded == null ? null : embedded.directory().resolve("pgdata").resolve("postmaster.pid"));
    }

    static final String NOT_EMPTY = "The database %s already holds %d Ferry instances; the benchmark empties Ferry's"
            + " tables between its phases. Point QUARKUS_DATASOURCE_JDBC_URL (and _REACTIVE_URL) at a database made for"
            + " the benchmark, or unset them to use an embedded PostgreSQL under target/benchmark.";

    /** The benchmark truncates Ferry's tables: never on a database that holds someone's instances. */
    private void refuseStoredInstances() throws SQLException {
        if (count("select count(*) from pg_tables where tablename = 'ferry_instance'") > 0) {
            long stored = count("select count(*) from ferry_instance");
            if (stored > 0) {
                throw new IllegalStateException(NOT_EMPTY.formatted(jdbcUrl, stored));
            }
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    /** The datasource as system properties for a Quarkus app: with them set, Ferry starts no server of its own. */
    List<String> systemProperties() {
        List<String> properties = new ArrayList<>(List.of("-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.reactive.url=" + reactiveUrl));
        if (username != null) {
            properties.add("-Dquarkus.datasource.username=" + username);
        }
        if (password != null) {
            properties.add("-Dquarkus.datasource.password=" + password);
        }
        return properties;
    }

    /**
     * Another database on the same server, created empty (dropped first if a run left it), so
     * two database states can be measured in turns rather than one after the other.
     */
    Database sibling(String name) throws SQLException {
        execute("drop database if exists " + name, "create database " + name);
        return new Database(renamed(jdbcUrl, name), renamed(reactiveUrl, name), username, password, null);
    }

    void drop(Database sibling) throws SQLException {
        execute("drop database if exists " + DATABASE_NAME.matcher(sibling.jdbcUrl).results().findFirst().orElseThrow().group(2));
    }

    private static String renamed(String url, String database) {
        return DATABASE_NAME.matcher(url).replaceFirst("$1" + database);
    }

    /** Deletes every instance with everything it holds, and every buffered message and start timer; the schema stays. */
    void emptyFerryTables() throws SQLException {
        execute("truncate ferry_history_event, ferry_idempotency_key, ferry_incident, ferry_timer, ferry_job, ferry_subscription, "
                + "ferry_message, ferry_message_receipt, ferry_start_timer, ferry_instance", "vacuum analyze");
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    String describe() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_setting('server_version'), current_setting('fsync'),"
                     + " current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            result.next();
            return "PostgreSQL %s (%s; fsync %s, synchronous_commit %s, shared_buffers %s)".formatted(result.getString(1),
                    embedded != null ? "embedded" : "from QUARKUS_DATASOURCE_JDBC_URL", result.getString(2),
                    result.getString(3), result.getString(4));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
