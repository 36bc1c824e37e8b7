package io.ferry.app;

import static io.ferry.app.OrderApi.startOrder;
import static io.ferry.app.Refusals.instanceCount;
import static io.ferry.app.Refusals.refused;
import static io.ferry.app.Refusals.stateOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL cannot hold (a NUL), or that is not Unicode (a lone surrogate, bytes that are not
 * UTF-8), is refused with 400 naming where it is, wherever a client can put it; nothing is stored.
 */
@QuarkusTest
class HostileTextTest {

    @Test
    void aNulInAVariableAtAnyDepthIsRefused() {
        int before = instanceCount();

        refused(start("{\"variables\":{\"customer\":{\"name\":\"A\\u0000da\"}}}"), 400, "invalid-text")
                .body("detail", startsWith("variables.customer.name contains the NUL character (U+0000) at character 2"))
                .body("field", equalTo("variables.customer.name"));
        refused(start("{\"variables\":{\"lines\":[{\"sku\":\"x\"},{\"sku\":\"\\u0000\"}]}}"), 400, "invalid-text")
                .body("detail", startsWith("variables.lines[1].sku contains the NUL character"));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aNulInAKeyIsRefused() {
        int before = instanceCount();

        refused(start("{\"variables\":{\"customer\":{\"na\\u0000me\":\"Ada\"}}}"), 400, "invalid-text")
                .body("detail", startsWith("The key variables.customer[\"na\\u0000me\"] contains the NUL character"));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aNulInTheBusinessKeyIsRefused() {
        int before = instanceCount();

        refused(start("{\"businessKey\":\"order\\u00001\",\"variables\":{}}"), 400, "invalid-text")
                .body("detail", startsWith("businessKey contains the NUL character (U+0000) at character 6"))
                .body("field", equalTo("businessKey"));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aNulInAMergePatchOrATasksDataChangesNothing() {
        String id = startOrder(Map.of("amount", 10));
        List<Integer> before = stateOf(id);

        refused(given().contentType("application/merge-patch+json").body("{\"customer\":{\"name\":\"\\u0000\"}}")
                .patch("/instances/{id}/variables", id).then(), 400, "invalid-text")
                .body("detail", startsWith("variables.customer.name contains the NUL character"));
        refused(given().contentType(ContentType.JSON).body("{\"variables\":{\"note\":\"ok\\u0000\"}}")
                .post("/instances/{id}/tasks/approveOrder/complete", id).then(), 400, "invalid-text")
                .body("detail", startsWith("variables.note contains the NUL character"));

        assertThat(stateOf(id)).isEqualTo(before);
    }

    @Test
    void aNulInATaskIdOrAQueryParameterIsRefused() {
        String id = startOrder(Map.of("amount", 10));
        List<Integer> before = stateOf(id);

        refused(given().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{}")
                .post("/instances/" + id + "/tasks/approve%00Order/complete").then(), 400, "invalid-text")
                .body("detail", startsWith("Path parameter taskId contains the NUL character (U+0000) at character 8"))
                .body("field", equalTo("taskId"));
        refused(given().urlEncodingEnabled(false).get("/instances?businessKey=a%00b").then(), 400, "invalid-text")
                .body("detail", startsWith("Query parameter businessKey contains the NUL character (U+0000) at character 2"));

        assertThat(stateOf(id)).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        int before = instanceCount();

        refused(start("{\"variables\":{\"name\":\"a\\ud800b\"}}"), 400, "invalid-text")
                .body("detail", startsWith("variables.name is not valid Unicode: character 2 is a lone surrogate (U+D800)"));
        // Jackson itself refuses a lone surrogate in a key, where it is read.
        refused(start("{\"variables\":{\"\\udc00\":1}}"), 400, "invalid-request")
                .body("detail", containsString("Unexpected low surrogate in field name: 0xdc00"));
        refused(start("{\"businessKey\":\"\\ude00\\ud83d\",\"variables\":{}}"), 400, "invalid-text")
                .body("detail", startsWith("businessKey is not valid Unicode: character 1 is a lone surrogate (U+DE00)"));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWherever() {
        int before = instanceCount();
        byte[] body = "{\"variables\":{\"customer\":{\"name\":\"caf\u00ff\"}}}".getBytes(StandardCharsets.ISO_8859_1);

        refused(given().contentType("application/json").body(body).post("/processes/order/instances").then(), 400,
                "invalid-request")
                .body("detail", startsWith("The request body is not valid at 'variables.customer.name'"))
                .body("detail", containsString("Invalid UTF-8"));
        refused(given().urlEncodingEnabled(false).get("/instances?businessKey=caf%E9").then(), 400, "invalid-text")
                .body("detail", equalTo("Query parameter businessKey is not valid UTF-8 once its %-escapes are decoded. "
                        + "Percent-encode the UTF-8 bytes of the text."));
        refused(given().urlEncodingEnabled(false).get("/processes/ord%FFer").then(), 400, "invalid-text")
                .body("field", equalTo("processId"));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void ferrysHeadersArePrintableAscii() {
        int before = instanceCount();

        refused(given().contentType(ContentType.JSON).header("Idempotency-Key", "caf\u00e9").body("{}")
                .post("/processes/order/instances").then(), 400, "invalid-text")
                .body("detail", equalTo("Header Idempotency-Key must be printable ASCII (U+0020 to U+007E), but character 4 "
                        + "is U+00E9. Send ids and keys as ASCII."));
        refused(given().contentType(ContentType.JSON).header("X-Request-Id", "a").header("X-Request-Id", "b").body("{}")
                .post("/processes/order/instances").then(), 400, "invalid-request")
                .body("detail", equalTo("Header X-Request-Id is sent 2 times; send it once."));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void unicodeThatIsValidIsStoredAsSent() {
        String text = "\ud83d\ude00 \u05e9\u05dc\u05d5\u05dd e\u0301 \uffff \u0001 \"\\";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("businessKey", "unicode-\u00e9\ud83d\ude00", "variables", Map.of(text, text)))
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");

        given().get("/instances/{id}", id).then().statusCode(200)
                .body("businessKey", equalTo("unicode-\u00e9\ud83d\ude00"))
                .body("variables", equalTo(Map.of(text, text)));
    }

    private static ValidatableResponse start(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/processes/order/instances").then();
    }
}
