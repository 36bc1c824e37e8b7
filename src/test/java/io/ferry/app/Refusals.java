package io.ferry.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.util.List;

/** What every refused request must show: its status, a problem+json body of the right type, and no trace in the data. */
final class Refusals {

    private Refusals() {
    }

    static ValidatableResponse refused(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("https://ferry.io/problems/" + type))
                .body("status", equalTo(status));
    }

    /** How many instances exist: a refused start must not change it. */
    static int instanceCount() {
        return given().get("/instances?size=1").then().statusCode(200).extract().path("total");
    }

    /** An instance's revision and history length: a refused operation must change neither. */
    static List<Integer> stateOf(String instanceId) {
        int revision = given().get("/instances/{id}", instanceId).then().statusCode(200).extract().path("revision");
        List<?> history = given().get("/instances/{id}/history", instanceId).then().statusCode(200).extract().path("");
        return List.of(revision, history.size());
    }

    static void assertNoInstanceWithBusinessKey(String businessKey) {
        int total = given().queryParam("businessKey", businessKey).get("/instances").then().statusCode(200).extract().path("total");
        assertThat(total).as("instances with business key " + businessKey).isZero();
    }
}
