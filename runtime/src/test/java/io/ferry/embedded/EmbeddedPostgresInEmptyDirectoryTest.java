package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresInEmptyDirectoryTest {

    private static Path directory;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startInEmptyDirectory() {
        directory = TestDirectories.fresh("empty");
        server = EmbeddedPostgres.start(directory);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestDirectories.delete(directory);
    }

    @Test
    void servesTheFerryDatabaseOfTheShippedVersion() throws SQLException {
        assertThat(query("SELECT current_database()")).isEqualTo("ferry");
        assertThat(query("SHOW server_version")).startsWith(PostgresBinaries.MAJOR_VERSION + ".");
        assertThat(query("SELECT current_user")).isEqualTo(server.username()).isEqualTo("ferry");
    }

    @Test
    void listensOnTheLoopbackAddressWithoutAUnixSocket() throws SQLException {
        assertThat(server.reactiveUrl()).isEqualTo("postgresql://127.0.0.1:" + server.port() + "/ferry");
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:" + server.reactiveUrl());
        assertThat(query("SHOW listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(query("SHOW unix_socket_directories")).isEmpty();
    }

    @Test
    void keepsClusterPasswordAndLogInTheDirectory() throws Exception {
        assertThat(directory.resolve("pgdata/PG_VERSION")).hasContent(PostgresBinaries.MAJOR_VERSION);
        assertThat(Files.readString(directory.resolve("password")).strip()).isEqualTo(server.password());
        assertThat(directory.resolve("postgres.log")).content().contains("database system is ready to accept connections");
    }

    @Test
    void startingTheSameDirectoryAgainReturnsTheRunningServer() {
        assertThat(EmbeddedPostgres.start(directory.resolve("."))).isSameAs(server);
    }

    private static String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
