package io.ferry.app;

import static io.ferry.app.Refusals.instanceCount;
import static io.ferry.app.Refusals.refused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Wrong types are not coerced, nothing may follow the body, and no key may come twice: 400, nothing stored. */
@QuarkusTest
class StrictJsonTest {

    @Test
    void aNumberOrABooleanIsNotTakenForAString() {
        int before = instanceCount();

        refused(start("{\"businessKey\":5,\"variables\":{}}"), 400, "invalid-request")
                .body("detail", startsWith("The request body is not valid at 'businessKey' (line 1, column 16): "
                        + "Cannot coerce Integer value (5) to `java.lang.String` value"));
        refused(start("{\"businessKey\":true,\"variables\":{}}"), 400, "invalid-request")
                .body("detail", startsWith("The request body is not valid at 'businessKey'"));
        refused(start("{\"businessKey\":1.5,\"variables\":{}}"), 400, "invalid-request")
                .body("detail", startsWith("The request body is not valid at 'businessKey'"));

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void contentAfterTheBodyIsRefused() {
        int before = instanceCount();

        refused(start("{\"variables\":{}} {\"x\":1}"), 400, "invalid-request")
                .body("detail", containsString("Trailing token"));
        refused(start("{\"variables\":{}}]"), 400, "invalid-request");

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aKeyTwiceIsRefusedRatherThanOneSilentlyKept() {
        int before = instanceCount();

        refused(start("{\"variables\":{\"customer\":{\"tier\":\"gold\",\"tier\":\"basic\"}}}"), 400, "invalid-request")
                .body("detail", startsWith("The request body is not valid at 'variables.customer.tier'"))
                .body("detail", containsString("Duplicate field 'tier'"));
        refused(start("{\"variables\":{},\"variables\":{}}"), 400, "invalid-request");

        assertThat(instanceCount()).isEqualTo(before);
    }

    private static ValidatableResponse start(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/processes/order/instances").then();
    }
}
