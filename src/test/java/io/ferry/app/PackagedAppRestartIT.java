package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a user
 * would, from a directory only its owner may enter (a clone under {@code /root}; CI runs as root,
 * so the server then runs as 'nobody' and must pass through it), with the default data directory
 * {@code ferry-data/postgres} below it. It stops the app and starts it again: the
 * instances are still there and can be driven on. Killed with SIGKILL at last, the app leaves no
 * server behind.
 */
class PackagedAppRestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final Path HOME = Path.of("target/restart-it/home").toAbsolutePath();
    private static final Path PID_FILE = HOME.resolve("ferry-data/postgres/pgdata/postmaster.pid");
    private Process app;

    @Test
    void instancesSurviveARestartOfThePackagedAppRunFromAPrivateDirectory() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        deleteRecursively(HOME.getParent());
        Files.createDirectories(HOME.getParent());
        Files.createDirectory(HOME, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        int port = start();
        String id = api(port).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("amount", 70), "businessKey", "restart-1"))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");
        stop();
        assertThat(PID_FILE).as("a normal exit stops the database server").doesNotExist();

        port = start();
        api(port).get("/instances/{id}", id).then().statusCode(200);
        List<String> open = api(port).get("/instances/{id}/tasks", id).then().extract().path("nodeId");
        assertThat(open).containsExactly("approveOrder");
        api(port).contentType(ContentType.JSON).body(Map.of("variables", Map.of("approved", false)))
                .post("/instances/{id}/tasks/approveOrder/complete", id)
                .then().statusCode(200);
        String status = api(port).get("/instances/{id}", id).then().extract().path("status");
        assertThat(status).isEqualTo("COMPLETED");

        long server = Long.parseLong(Files.readAllLines(PID_FILE).get(0).strip());
        app.destroyForcibly().waitFor();
        app = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (serverRuns(server) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(serverRuns(server)).as("the database server (process %d) runs 30 s after the app was killed", server)
                .isFalse();
    }

    private static boolean serverRuns(long server) {
        return Files.exists(PID_FILE) || ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false);
    }

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null) {
            stop();
        }
    }

    private int start() throws Exception {
        int port = freePort();
        Path log = HOME.getParent().resolve("app-" + port + ".log");
        app = new ProcessBuilder(javaBinary(), "-Dquarkus.http.port=" + port, "-jar", JAR.toString())
                .directory(HOME.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (api(port).get("/q/health/ready").statusCode() == 200) {
                    return port;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the app did not become ready in 120 s:\n" + Files.readString(log));
    }

    private void stop() throws InterruptedException {
        app.destroy();
        if (!app.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
            app.destroyForcibly();
        }
        app = null;
    }

    private static RequestSpecification api(int port) {
        return RestAssured.given().baseUri("http://localhost").port(port);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
