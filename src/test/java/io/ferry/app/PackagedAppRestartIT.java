package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a user
 * would, from a directory only its owner may enter (a clone under {@code /root}; CI runs as root,
 * so the server then runs as 'nobody' and must pass through it), with the default data directory
 * {@code ferry-data/postgres} below it. It stops the app and starts it again: the instances are
 * still there and can be driven on. Killed with SIGKILL at last, the app leaves no server behind.
 */
class PackagedAppRestartIT {

    private static final Path HOME = Path.of("target/restart-it/home").toAbsolutePath();
    private static final Path PID_FILE = HOME.resolve(PackagedApp.DATA).resolve("pgdata/postmaster.pid");
    private PackagedApp app;

    @Test
    void instancesSurviveARestartOfThePackagedAppRunFromAPrivateDirectory() throws Exception {
        PackagedApp.deleteRecursively(HOME.getParent());
        Files.createDirectories(HOME.getParent());
        Files.createDirectory(HOME, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        app = PackagedApp.start(HOME);
        String id = app.api().contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("amount", 70), "businessKey", "restart-1"))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");
        app.stop();
        assertThat(PID_FILE).as("a normal exit stops the database server").doesNotExist();

        app = PackagedApp.start(HOME);
        app.api().get("/instances/{id}", id).then().statusCode(200);
        List<String> open = app.api().get("/instances/{id}/tasks", id).then().extract().path("nodeId");
        assertThat(open).containsExactly("approveOrder");
        app.api().contentType(ContentType.JSON).body(Map.of("variables", Map.of("approved", false)))
                .post("/instances/{id}/tasks/approveOrder/complete", id)
                .then().statusCode(200);
        String status = app.api().get("/instances/{id}", id).then().extract().path("status");
        assertThat(status).isEqualTo("COMPLETED");

        long server = Long.parseLong(Files.readAllLines(PID_FILE).get(0).strip());
        app.kill();
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
            app.stop();
        }
    }
}
