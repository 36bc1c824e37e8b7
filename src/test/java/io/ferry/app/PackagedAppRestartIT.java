package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a user
 * would, with its embedded database in a directory, stops it and starts it again: the instances
 * are still there and can be driven on.
 */
class PackagedAppRestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path DATA = Path.of("target/restart-it/postgres");
    private Process app;

    @Test
    void instancesSurviveARestartOfThePackagedApp() throws Exception {
        assertThat(JAR).as("run mvn package first").exists();
        deleteRecursively(DATA.getParent());

        int port = start();
        String id = api(port).contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("amount", 70), "businessKey", "restart-1"))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");
        stop();

        port = start();
        api(port).get("/instances/{id}", id).then().statusCode(200);
        List<String> open = api(port).get("/instances/{id}/tasks", id).then().extract().path("nodeId");
        assertThat(open).containsExactly("approveOrder");
        api(port).contentType(ContentType.JSON).body(Map.of("variables", Map.of("approved", false)))
                .post("/instances/{id}/tasks/approveOrder/complete", id)
                .then().statusCode(200);
        String status = api(port).get("/instances/{id}", id).then().extract().path("status");
        assertThat(status).isEqualTo("COMPLETED");
    }

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null) {
            stop();
        }
    }

    private int start() throws Exception {
        int port = freePort();
        Path log = Files.createDirectories(DATA.getParent()).resolve("app-" + port + ".log");
        app = new ProcessBuilder(javaBinary(), "-Dquarkus.http.port=" + port,
                "-Dquarkus.ferry.embedded-postgres.data-dir=" + DATA, "-jar", JAR.toString())
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
        if (!app.waitFor(Duration.ofSeconds(60).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
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
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
