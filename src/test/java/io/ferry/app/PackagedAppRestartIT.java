package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged application as a user would, with its embedded database in a directory, stops it
 * and starts it again: the instances are still there and can be driven on.
 */
class PackagedAppRestartIT {

    private static final Path DATA = Path.of("target/restart-it/postgres");
    private PackagedApp app;

    @Test
    void instancesSurviveARestartOfThePackagedApp() throws Exception {
        PackagedApp.deleteRecursively(DATA.getParent());

        app = PackagedApp.start(DATA);
        String id = app.api().contentType(ContentType.JSON)
                .body(Map.of("variables", Map.of("amount", 70), "businessKey", "restart-1"))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");
        app.stop();

        app = PackagedApp.start(DATA);
        app.api().get("/instances/{id}", id).then().statusCode(200);
        List<String> open = app.api().get("/instances/{id}/tasks", id).then().extract().path("nodeId");
        assertThat(open).containsExactly("approveOrder");
        app.api().contentType(ContentType.JSON).body(Map.of("variables", Map.of("approved", false)))
                .post("/instances/{id}/tasks/approveOrder/complete", id)
                .then().statusCode(200);
        String status = app.api().get("/instances/{id}", id).then().extract().path("status");
        assertThat(status).isEqualTo("COMPLETED");
    }

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null) {
            app.stop();
            app = null;
        }
    }
}
