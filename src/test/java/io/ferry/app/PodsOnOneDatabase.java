package io.ferry.app;

import io.ferry.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Packaged apps sharing one PostgreSQL, as pods of a deployment do, and the queries a test reads their work with.
 * Closing stops every pod, then the database.
 */
final class PodsOnOneDatabase implements AutoCloseable {

    private final Path home;
    private final EmbeddedPostgres database;
    private final List<PackagedApp> pods = new ArrayList<>();

    /** A fresh database below {@code home}, each pod's working directory beside it. */
    PodsOnOneDatabase(Path home) throws Exception {
        PackagedApp.deleteRecursively(home);
        this.home = home;
        this.database = EmbeddedPostgres.start(home.resolve("postgres"));
    }

    EmbeddedPostgres database() {
        return database;
    }

    /** Starts a pod on the database with these system properties and waits until it is ready. */
    PackagedApp start(String name, String... options) throws Exception {
        List<String> properties = new ArrayList<>(List.of(options));
        properties.addAll(PackagedApp.datasource(database));
        PackagedApp pod = PackagedApp.start(home.resolve(name), properties.toArray(String[]::new));
        pods.add(pod);
        return pod;
    }

    /** The single number a query such as {@code select count(*) ...} answers. */
    long count(String sql) throws SQLException {
        try (Connection connection = Version1Backlog.connect(database); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The ids a query's first column holds. */
    List<UUID> ids(String sql) throws SQLException {
        try (Connection connection = Version1Backlog.connect(database); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    /** The ids as a SQL array literal's elements: {@code 'a','b'}. */
    static String quoted(List<UUID> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    @Override
    public void close() throws InterruptedException {
        for (PackagedApp pod : pods) {
            pod.stop();
        }
        database.close();
    }
}
