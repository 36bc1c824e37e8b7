package io.ferry.plan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code preview} logs in: given as {@code --db} with a user and password, or found in the data
 * directory of the engine's embedded PostgreSQL ({@code --data}), which holds all three. That layout is
 * the runtime's {@code io.ferry.embedded.EmbeddedPostgres}: {@code password}, and {@code pgdata/postmaster.pid}
 * whose fourth line is the port; the user and the database are both {@value #EMBEDDED_USER}.
 *
 * @param whatToCheck what the person checks when the database cannot be reached
 */
record DatabaseLogin(String url, String user, String password, String whatToCheck) {

    static final String EMBEDDED_USER = "ferry";
    static final String CHECK_DB = "check --db and that PostgreSQL runs there";
    static final String CHECK_ENGINE = "check that the engine using %s runs";
    static final String NO_EMBEDDED_DATA = "%s holds no embedded PostgreSQL of Ferry (no password file in it or in %s): give --data "
            + "the folder ferry-data in the directory the engine was started from, or the folder quarkus.ferry.embedded-postgres.data-dir names";
    static final String NOT_RUNNING = "the embedded PostgreSQL in %s is not running (%s): start the engine, then run this again";
    static final String UNREADABLE = "cannot read %s (%s): run this as the user that started the engine";

    private static final String PASSWORD_FILE = "password";
    private static final String PID_FILE = "pgdata/postmaster.pid";
    private static final int PORT_LINE = 3;

    /** The engine's embedded PostgreSQL in {@code directory}: the folder the engine names, or the {@code ferry-data} above it. */
    static DatabaseLogin embedded(Path directory) {
        Path postgres = Files.isRegularFile(directory.resolve(PASSWORD_FILE)) ? directory : directory.resolve("postgres");
        Path passwordFile = postgres.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(passwordFile)) {
            throw CommandFailure.usage(NO_EMBEDDED_DATA.formatted(directory, directory.resolve("postgres")));
        }
        Path pidFile = postgres.resolve(PID_FILE);
        List<String> pid;
        try {
            pid = Files.readAllLines(pidFile);
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage(NOT_RUNNING.formatted(postgres, "no " + pidFile));
        } catch (IOException e) {
            throw CommandFailure.usage(UNREADABLE.formatted(pidFile, e.getMessage()));
        }
        if (pid.size() <= PORT_LINE || !pid.get(PORT_LINE).strip().matches("[0-9]+")) {
            throw CommandFailure.usage(NOT_RUNNING.formatted(postgres, pidFile + " names no port yet"));
        }
        String password;
        try {
            password = Files.readString(passwordFile).strip();
        } catch (IOException e) {
            throw CommandFailure.usage(UNREADABLE.formatted(passwordFile, e.getMessage()));
        }
        String url = "jdbc:postgresql://127.0.0.1:" + pid.get(PORT_LINE).strip() + "/" + EMBEDDED_USER;
        return new DatabaseLogin(url, EMBEDDED_USER, password, CHECK_ENGINE.formatted(postgres));
    }

    /** The database named by {@code --db}. */
    static DatabaseLogin given(String url, String user, String password) {
        return new DatabaseLogin(url, user, password, CHECK_DB);
    }
}
