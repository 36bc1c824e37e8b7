package io.ferry.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistoryCorrelationTest {

    @Test
    void everyEventCarriesTheCorrelationIdAndIsCausedByTheCommandOrThePreviousEvent() {
        String id = given().contentType(ContentType.JSON)
                .header("X-Correlation-Id", "checkout-42")
                .header("X-Request-Id", "start-request-1")
                .body(Map.of("variables", Map.of("amount", 10)))
                .post("/processes/order/instances")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("X-Request-Id", "review-request-2")
                .body(Map.of("variables", Map.of("approved", false)))
                .post("/instances/{id}/tasks/approveOrder/complete", id)
                .then().statusCode(200);

        List<Map<String, Object>> events = given().get("/instances/{id}/history", id).then().extract().path("");

        assertThat(events).allSatisfy(event -> assertThat(event.get("correlationId")).isEqualTo("checkout-42"));
        assertThat(events.get(0).get("causationId")).isEqualTo("start-request-1");
        int firstOfSecondCommand = indexOf(events, "TaskCompleted");
        assertThat(events.get(firstOfSecondCommand).get("causationId")).isEqualTo("review-request-2");
        for (int i = 1; i < events.size(); i++) {
            if (i != firstOfSecondCommand) {
                assertThat(events.get(i).get("causationId")).isEqualTo(events.get(i - 1).get("id"));
            }
            assertThat(((Number) events.get(i).get("sequence")).longValue()).isEqualTo(i + 1L);
        }
    }

    private static int indexOf(List<Map<String, Object>> events, String type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.equals(events.get(i).get("type"))) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " event in " + events);
    }
}
