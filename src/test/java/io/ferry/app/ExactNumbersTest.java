package io.ferry.app;

import static io.ferry.app.OrderApi.startOrder;
import static io.ferry.app.Refusals.instanceCount;
import static io.ferry.app.Refusals.refused;
import static io.ferry.app.Refusals.stateOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Process data keeps its numbers' exact decimal value from the request through jsonb to every response
 * (jsonb writes them out in full, so 1e400 comes back as 401 digits: the same number).
 */
@QuarkusTest
class ExactNumbersTest {

    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Map<String, String> NUMBERS = Map.of(
            "huge", "1e400",
            "precise", "0.10000000000000000000000000001",
            "tiny", "1e-400",
            "money", "1.50",
            "long", "123456789012345678901234567890",
            "negative", "-2.5E+3",
            "longest", "1e999");

    @Test
    void numbersAreStoredAndShownWithTheirExactValue() throws Exception {
        StringBuilder variables = new StringBuilder("{\"amount\":1");
        NUMBERS.forEach((name, number) -> variables.append(",\"").append(name).append("\":").append(number));
        String id = given().contentType(ContentType.JSON).body("{\"variables\":" + variables + "}}")
                .post("/processes/order/instances").then().statusCode(201).extract().path("id");

        assertExact(read("/instances/" + id).get("variables"));
        assertExact(read("/instances/" + id + "/history").get(0).get("data"));
    }

    @Test
    void aTaskAndAPatchKeepNumbersExactToo() throws Exception {
        String id = startOrder(Map.of("amount", 1));
        given().contentType("application/merge-patch+json").body("{\"discount\":0.10000000000000000000000000001}")
                .patch("/instances/{id}/variables", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"variables\":{\"approved\":false,\"weight\":1e-400}}")
                .post("/instances/{id}/tasks/approveOrder/complete", id).then().statusCode(200);

        JsonNode variables = read("/instances/" + id).get("variables");
        assertThat(variables.get("discount").decimalValue()).isEqualByComparingTo("0.10000000000000000000000000001");
        assertThat(variables.get("weight").decimalValue()).isEqualByComparingTo("1e-400");
    }

    @Test
    void aNumberJsonbCannotKeepExactlyIsRefused() {
        int before = instanceCount();

        refused(given().contentType(ContentType.JSON).body("{\"variables\":{\"order\":{\"total\":1e1000}}}")
                .post("/processes/order/instances").then(), 400, "number-out-of-range")
                .body("detail", equalTo("variables.order.total is a number that is 1001 characters long written out in full, "
                        + "as PostgreSQL stores it (jsonb keeps no exponent); Ferry keeps numbers of up to 1000 characters "
                        + "exactly. Send it as a string, or round it."))
                .body("field", equalTo("variables.order.total"));
        refused(given().contentType(ContentType.JSON).body("{\"variables\":{\"x\":1e-2147483648}}")
                .post("/processes/order/instances").then(), 400, "invalid-request");
        refused(given().contentType(ContentType.JSON).body("{\"variables\":{\"x\":1" + "0".repeat(1000) + "}}")
                .post("/processes/order/instances").then(), 400, "invalid-request");

        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aPatchWithSuchANumberChangesNothing() {
        String id = startOrder(Map.of("amount", 1));
        List<Integer> before = stateOf(id);

        refused(given().contentType("application/merge-patch+json").body("{\"x\":[1,2,-1e-1000]}")
                .patch("/instances/{id}/variables", id).then(), 400, "number-out-of-range")
                .body("field", equalTo("variables.x[2]"));

        assertThat(stateOf(id)).isEqualTo(before);
    }

    private static void assertExact(JsonNode variables) {
        NUMBERS.forEach((name, number) -> assertThat(variables.get(name).decimalValue()).as(name)
                .isEqualByComparingTo(new BigDecimal(number)));
    }

    private static JsonNode read(String path) throws Exception {
        return EXACT.readTree(given().get(path).then().statusCode(200).extract().asString());
    }
}
