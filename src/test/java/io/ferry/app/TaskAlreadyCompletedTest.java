package io.ferry.app;

import static io.ferry.app.OrderApi.complete;
import static io.ferry.app.OrderApi.startOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client that retries a completion after a lost response learns it went through; a task that never existed is 404. */
@QuarkusTest
class TaskAlreadyCompletedTest {

    private static final String ALREADY_COMPLETED = "https://ferry.io/problems/task-already-completed";

    @Test
    void completingATaskTwiceIs409NamingTheEventThatCompletedIt() {
        String id = startOrder(Map.of("amount", 120));
        complete(id, "approveOrder", Map.of("approved", true)).statusCode(200);
        Stored before = Stored.read(id);
        Map<String, Object> completion = before.event("TaskCompleted", "approveOrder");

        for (String taskRef : List.of("approveOrder", "t2")) {
            complete(id, taskRef, Map.of("approved", true)).statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo(ALREADY_COMPLETED))
                    .body("detail", equalTo("Task t2 (user task 'approveOrder') of instance " + id + " was already completed,"
                            + " by history event " + completion.get("id") + " (sequence " + completion.get("sequence")
                            + ", at " + completion.get("occurredAt") + "); nothing was changed."
                            + " GET /instances/" + id + " shows the instance as it is now."))
                    .body("taskId", equalTo("t2"))
                    .body("nodeId", equalTo("approveOrder"))
                    .body("eventId", equalTo(completion.get("id")))
                    .body("eventSequence", equalTo(completion.get("sequence")))
                    .body("completedAt", equalTo(completion.get("occurredAt")));
        }

        assertThat(Stored.read(id)).isEqualTo(before);
    }

    @Test
    void completingTheTaskThatCompletedTheInstanceAgainIsStillAlreadyCompleted() {
        String id = startOrder(Map.of("amount", 5));
        complete(id, "approveOrder", Map.of("approved", false)).statusCode(200).body("status", equalTo("COMPLETED"));
        Stored before = Stored.read(id);

        complete(id, "approveOrder", Map.of("approved", false)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo(ALREADY_COMPLETED))
                .body("eventId", equalTo(before.event("TaskCompleted", "approveOrder").get("id")));

        assertThat(Stored.read(id)).isEqualTo(before);
    }

    @Test
    void aTaskThatNeverExistedIs404() {
        String id = startOrder(Map.of("amount", 120));
        complete(id, "approveOrder", Map.of("approved", true)).statusCode(200);
        Stored before = Stored.read(id);

        for (String taskRef : List.of("t99", "shipOrder", "orderReceived")) {
            complete(id, taskRef, Map.of()).statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://ferry.io/problems/unknown-task"));
        }

        assertThat(Stored.read(id)).isEqualTo(before);
    }

    /** What is stored of an instance: its revision and its whole history. */
    private record Stored(long revision, List<Map<String, Object>> history) {

        static Stored read(String id) {
            long revision = ((Number) given().get("/instances/{id}", id).then().statusCode(200).extract().path("revision")).longValue();
            List<Map<String, Object>> history = given().get("/instances/{id}/history", id).then().statusCode(200).extract().path("");
            return new Stored(revision, history);
        }

        Map<String, Object> event(String type, String nodeId) {
            return history.stream()
                    .filter(event -> type.equals(event.get("type")) && nodeId.equals(event.get("nodeId")))
                    .findFirst().orElseThrow();
        }
    }
}
