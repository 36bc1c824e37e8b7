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
    static final String UNREACHABLE = "cannot reach the database at %s (%s): check --db and that PostgreSQL runs there";
    static final String REFUSED = "the database at %s refused the login (%s): check --user and the password (FERRY_DB_PASSWORD or --password)";
    static final String NO_DATABASE = "the database at %s does not exist (%s): check the database name in --db";
    static final String NO_TABLES = "the database at %s has no Ferry tables (%s): point --db at the engine's database";
    static final String FAILED = "the database at %s answered: %s (SQLState %s)";
    private static final String TOTAL = "select count(*) from ferry_instance where status = 'ACTIVE'";
    private static final String BEFORE_EVERY_ID = "00000000-0000-0000-0000-000000000000";

    private final String url;
    private final String user;
    private final String password;
    private final int batchSize;

    StoredShapes(String url, String user, String password, int batchSize) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.batchSize = batchSize;
    }

    List<MigrationPreview.Shape> read(Progress progress) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw CommandFailure.usage(NOT_POSTGRESQL.formatted(url));
        }
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("connectTimeout", "10");
        login.setProperty("ApplicationName", "ferry-plan preview");
        try (Connection connection = DriverManager.getConnection(url, login)) {
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

    /** One line saying what went wrong and what to check; PostgreSQL's SQLState tells which. */
    private CommandFailure failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String reason = firstLine(e.getMessage());
        if (state.startsWith("08") || reason.contains("No suitable driver")) {
            return CommandFailure.usage(UNREACHABLE.formatted(url, reason));
        }
        if (state.startsWith("28")) {
            return CommandFailure.usage(REFUSED.formatted(url, reason));
        }
        if (state.equals("3D000")) {
            return CommandFailure.usage(NO_DATABASE.formatted(url, reason));
        }
        if (state.equals("42P01")) {
            return CommandFailure.usage(NO_TABLES.formatted(url, reason));
        }
        return CommandFailure.usage(FAILED.formatted(url, reason, state));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
