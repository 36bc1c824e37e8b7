package io.ferry.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs SQL on the server of a directory as another process would: the port and password it finds there. */
final class TestQueries {

    private TestQueries() {
    }

    /** The number the statement returns, or the rows it changed. */
    static long number(Path directory, int port, String sql) throws IOException, SQLException {
        String password = Files.readString(directory.resolve(EmbeddedPostgres.PASSWORD_FILE)).strip();
        return number("jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedPostgres.DATABASE, password, sql);
    }

    /** The same, on a server this JVM started or adopted. */
    static long number(EmbeddedPostgres server, String sql) throws SQLException {
        return number(server.jdbcUrl(), server.password(), sql);
    }

    private static long number(String url, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, PostgresCluster.USERNAME, password);
                Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return statement.getUpdateCount();
            }
            try (ResultSet result = statement.getResultSet()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
