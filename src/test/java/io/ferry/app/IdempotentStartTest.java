package io.ferry.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotentStartTest {

    @Test
    void theSameIdempotencyKeyReturnsTheSameInstance() {
        String key = UUID.randomUUID().toString();
        String businessKey = "idempotent-" + key;
        String first = start(key, businessKey, 201);
        String second = start(key, businessKey, 200);

        assertThat(second).isEqualTo(first);
        int count = given().get("/instances?businessKey={key}", businessKey).then().statusCode(200).extract().path("total");
        assertThat(count).isEqualTo(1);
    }

    @Test
    void differentKeysStartDifferentInstances() {
        assertThat(start(UUID.randomUUID().toString(), "a", 201)).isNotEqualTo(start(UUID.randomUUID().toString(), "a", 201));
    }

    private static String start(String key, String businessKey, int status) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("variables", Map.of("amount", 3), "businessKey", businessKey))
                .post("/processes/order/instances")
                .then().statusCode(status).extract().path("id");
    }
}
