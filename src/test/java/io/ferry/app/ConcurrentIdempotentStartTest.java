package io.ferry.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Eight clients send the same Idempotency-Key at once: one instance, one 201, seven 200 replays. */
@QuarkusTest
class ConcurrentIdempotentStartTest {

    private static final int CLIENTS = 8;

    @Test
    void theSameKeyAtOnceStartsOneInstance() throws Exception {
        String key = UUID.randomUUID().toString();
        String businessKey = "race-" + key;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                            .body(Map.of("businessKey", businessKey, "variables", Map.of("amount", 3)))
                            .post("/processes/order/instances");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                ids.add(response.path("id"));
            }

            assertThat(statuses).containsOnly(201, 200).filteredOn(status -> status == 201).hasSize(1);
            assertThat(ids).containsOnly(ids.get(0));
            int stored = given().queryParam("businessKey", businessKey).get("/instances").then().statusCode(200)
                    .extract().path("total");
            assertThat(stored).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }
}
