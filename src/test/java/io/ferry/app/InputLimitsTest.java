package io.ferry.app;

import static io.ferry.app.OrderApi.startOrder;
import static io.ferry.app.Refusals.assertNoInstanceWithBusinessKey;
import static io.ferry.app.Refusals.instanceCount;
import static io.ferry.app.Refusals.refused;
import static io.ferry.app.Refusals.stateOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every text a client sends has a limit (256 characters for ids and keys); beyond it, 400 names the field and the limit. */
@QuarkusTest
class InputLimitsTest {

    private static final String THREE_KB = "k".repeat(3 * 1024);

    @Test
    void aBusinessKeyOf3KbIsRefusedNamingTheLimit() {
        int before = instanceCount();

        refused(start(given(), Map.of("businessKey", THREE_KB, "variables", Map.of())), 400, "text-too-long")
                .body("detail", equalTo("businessKey is 3072 characters long; Ferry accepts at most 256. Send a shorter value."))
                .body("field", equalTo("businessKey"))
                .body("limit", equalTo(256));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void theLimitCountsCharactersSoTheLongestKeyFitsTheIndex() {
        String longest = "\ud83d\ude00".repeat(256);
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(256))
                .body(Map.of("businessKey", longest, "variables", Map.of()))
                .post("/processes/order/instances").then().statusCode(201).body("businessKey", equalTo(longest));
        int found = given().queryParam("businessKey", longest).get("/instances").then().statusCode(200).extract().path("total");
        assertThat(found).isEqualTo(1);
    }

    @Test
    void headersOverTheirLimitAreRefused() {
        String businessKey = "limits-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("businessKey", businessKey, "variables", Map.of());

        refused(start(given().header("Idempotency-Key", THREE_KB), body), 400, "text-too-long")
                .body("detail", equalTo("Header Idempotency-Key is 3072 characters long; Ferry accepts at most 256. "
                        + "Send a shorter value."))
                .body("field", equalTo("Idempotency-Key"));
        refused(start(given().header("X-Request-Id", THREE_KB), body), 400, "text-too-long")
                .body("field", equalTo("X-Request-Id"));
        refused(start(given().header("X-Correlation-Id", THREE_KB), body), 400, "text-too-long")
                .body("field", equalTo("X-Correlation-Id"));
        refused(start(given().header("If-Match", "\"" + "9".repeat(100) + "\""), body), 400, "text-too-long")
                .body("field", equalTo("If-Match")).body("limit", equalTo(64));

        assertNoInstanceWithBusinessKey(businessKey);
    }

    @Test
    void pathParametersOverTheirLimitAreRefused() {
        String id = startOrder(Map.of("amount", 1));
        List<Integer> before = stateOf(id);

        refused(given().contentType(ContentType.JSON).body("{}")
                .post("/instances/{id}/tasks/{task}/complete", id, "t".repeat(300)).then(), 400, "text-too-long")
                .body("detail", equalTo("Path parameter taskId is 300 characters long; Ferry accepts at most 256. "
                        + "Send a shorter value."));
        refused(given().contentType(ContentType.JSON).body("{}")
                .post("/processes/{process}/instances", "p".repeat(300)).then(), 400, "text-too-long")
                .body("field", equalTo("processId"));
        refused(given().get("/instances/{id}", "i".repeat(300)).then(), 400, "text-too-long")
                .body("field", equalTo("id"));

        assertThat(stateOf(id)).isEqualTo(before);
    }

    @Test
    void queryParametersOverTheirLimitAreRefused() {
        refused(given().queryParam("businessKey", THREE_KB).get("/instances").then(), 400, "text-too-long")
                .body("detail", equalTo("Query parameter businessKey is 3072 characters long; Ferry accepts at most 256. "
                        + "Send a shorter value."));
        refused(given().queryParam("version", "v".repeat(300)).get("/instances").then(), 400, "text-too-long")
                .body("field", equalTo("version"));
        refused(given().queryParam("n".repeat(300), "1").get("/instances").then(), 400, "text-too-long")
                .body("detail", equalTo("A query parameter's name is 300 characters long; Ferry accepts at most 256. "
                        + "Send a shorter value."))
                .body("field", equalTo("query"));
    }

    @Test
    void aPageBeyondWhatAnOffsetCanSkipIsRefused() {
        refused(given().get("/instances?page=2147483647&size=200").then(), 400, "invalid-request")
                .body("detail", equalTo("page \u00d7 size, the number of instances to skip, must be at most 2147483647; "
                        + "got page=2147483647, size=200. No list is that long: ask for a lower page."));
        given().get("/instances?page=10737418&size=200").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void numbersInTheQueryThatAreNotWholeNumbersAre400Not404() {
        refused(given().get("/instances?page=abc").then(), 400, "invalid-request")
                .body("detail", equalTo("Query parameter page must be a whole number from -2147483648 to 2147483647; got 'abc'."))
                .body("field", equalTo("page"));
        refused(given().get("/instances?size=99999999999").then(), 400, "invalid-request")
                .body("field", equalTo("size"));
        refused(given().post("/admin/migrations/sweep?batchSize=ten").then(), 400, "invalid-request")
                .body("field", equalTo("batchSize"));
    }

    private static io.restassured.response.ValidatableResponse start(RequestSpecification request, Map<String, Object> body) {
        return request.contentType(ContentType.JSON).body(body).post("/processes/order/instances").then();
    }
}
