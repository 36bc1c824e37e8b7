package io.ferry.app;

import static io.ferry.app.OrderApi.startOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConflictingUpdateTest {

    @Test
    void anUpdateBasedOnAStaleRevisionIs409AndChangesNothing() {
        String id = startOrder(Map.of("amount", 1));
        String etag = given().get("/instances/{id}", id).then().extract().header("ETag");
        patch(id, etag, Map.of("note", "first")).then().statusCode(200);

        patch(id, etag, Map.of("note", "second")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.io/problems/version-conflict"))
                .body("detail", containsString(id));
        given().get("/instances/{id}", id).then().body("variables.note", equalTo("first"));
    }

    @Test
    void concurrentUpdatesEitherApplyOrGet409NeverALostUpdate() throws Exception {
        String id = startOrder(Map.of("amount", 1));
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String field = "writer" + i;
            Callable<Integer> write = () -> {
                go.await();
                return patch(id, null, Map.of(field, true)).statusCode();
            };
            statuses.add(pool.submit(write));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).allMatch(status -> status == 200 || status == 409);
        Map<String, Object> variables = given().get("/instances/{id}", id).then().extract().path("variables");
        long applied = results.stream().filter(status -> status == 200).count();
        long written = variables.keySet().stream().filter(name -> name.startsWith("writer")).count();
        assertThat(written).as("every 200 is in the stored state, every 409 is not").isEqualTo(applied);
    }

    private static Response patch(String id, String ifMatch, Map<String, Object> patch) {
        var request = given().contentType("application/merge-patch+json").body(patch);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/instances/{id}/variables", id);
    }
}
