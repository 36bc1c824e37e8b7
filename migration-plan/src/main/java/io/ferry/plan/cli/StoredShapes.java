package io.ferry.plan.cli;

import io.ferry.migration.MigrationPreview;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the shapes of the active instances over JDBC, in batches of instance ids so a large table
 * shows progress, in one read-only transaction that is rolled back: the tool never writes.
 */
final class StoredShapes {

    static final String NOT_POSTGRESQL = "--db must be a PostgreSQL JDBC URL, like jdbc:postgresql://localhost:5432/ferry; got %s";
    static final String UNREACHABLE = "cannot reach the database at %s (%s): %s";
    static final String NO_PASSWORD = "the database at %s asks for a password and none was given (%s): set FERRY_DB_PASSWORD, "
            + "give --password (alone, it asks), or for the engine's embedded PostgreSQL give --data ferry-data instead of --db";
    static final String REFUSED = "the database at %s refused the login (%s): check --user and the password (FERRY_DB_PASSWORD or --password)";
    static final String NO_DATABASE = "the database at %s does not exist (%s): check the database name in --db";
    static final String NO_TABLES = "the database at %s has no Ferry tables (%s): point --db at the engine's database";
    static final String NOT_ALLOWED = "%s may not read Ferry's tables at %s (%s): grant it SELECT on ferry_instance, "
            + "or log in as a user that may";
    static final String NOT_READY = "the database at %s is starting up or shutting down (%s): run this again in a moment";
    static final String NO_CONNECTION_LEFT = "the database at %s has no connection left (%s): run this again when fewer clients "
            + "are connected, or raise its max_connections";
    static final String FAILED = "the database at %s answered: %s (SQLState %s)";
    private static final String TOTAL = "select count(*) from ferry_instance where status = 'ACTIVE'";
    private static final String BEFORE_EVERY_ID = "00000000-0000-0000-0000-000000000000";

    private final DatabaseLogin login;
    private final String url;
    private final int batchSize;

    StoredShapes(DatabaseLogin login, int batchSize) {
        this.login = login;
        this.url = login.url();
        this.batchSize = batchSize;
    }

    List<MigrationPreview.Shape> read(Progress progress) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw CommandFailure.usage(NOT_POSTGRESQL.formatted(url));
        }
        Properties properties = new Properties();
        if (login.user() != null) {
            properties.setProperty("user", login.user());
        }
        if (login.password() != null) {
            properties.setProperty("password", login.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "ferry-plan preview");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement readOnly = connection.createStatement()) {
                readOnly.execute("set transaction read only");
            }
            try {
                return shapes(connection, progress);
            } finally {
                connection.rollback();
                progress.done();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<MigrationPreview.Shape> shapes(Connection connection, Progress progress) throws SQLException {
        long total = single(connection, TOTAL);
        List<MigrationPreview.Shape> shapes = new ArrayList<>();
        String after = BEFORE_EVERY_ID;
        long done = 0;
        progress.update(done, total);
        try (PreparedStatement batchEnd = connection.prepareStatement(MigrationPreview.BATCH_END);
             PreparedStatement batch = connection.prepareStatement(MigrationPreview.SHAPES_IN_BATCH)) {
            while (true) {
                batchEnd.setString(1, after);
                batchEnd.setInt(2, batchSize);
                String last;
                long count;
                try (ResultSet end = batchEnd.executeQuery()) {
                    end.next();
                    last = end.getString(1);
                    count = end.getLong(2);
                }
                if (last == null) {
                    return shapes;
                }
                batch.setString(1, after);
                batch.setString(2, last);
                try (ResultSet rows = batch.executeQuery()) {
                    while (rows.next()) {
                        String samples = rows.getString(5);
                        shapes.add(new MigrationPreview.Shape(rows.getString(1), rows.getString(2),
                                MigrationPreview.places(rows.getString(3)), rows.getLong(4),
                                samples == null || samples.isEmpty() ? List.of() : List.of(samples.split(","))));
                    }
                }
                done += count;
                progress.update(done, total);
                after = last;
            }
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * One line saying what went wrong and what to check; PostgreSQL's SQLState tells which. The driver says
     * 08004 when the server asks for a password it was not given: the database was reached.
     */
    private CommandFailure failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (state.equals("08004") && login.password() == null) {
            return CommandFailure.usage(NO_PASSWORD.formatted(url, reason));
        }
        if (state.startsWith("28") || state.equals("08004")) {
            return CommandFailure.usage(REFUSED.formatted(url, reason));
        }
        if (state.startsWith("08") || reason.contains("No suitable driver")) {
            return CommandFailure.usage(UNREACHABLE.formatted(url, reason, login.whatToCheck()));
        }
        return CommandFailure.usage(switch (state) {
            case "3D000" -> NO_DATABASE.formatted(url, reason);
            case "42P01" -> NO_TABLES.formatted(url, reason);
            case "42501" -> NOT_ALLOWED.formatted(login.user() == null ? "the database user" : "the user " + login.user(), url, reason);
            case "57P03" -> NOT_READY.formatted(url, reason);
            case "53300" -> NO_CONNECTION_LEFT.formatted(url, reason);
            default -> FAILED.formatted(url, reason, state);
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
