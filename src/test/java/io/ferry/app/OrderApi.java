package io.ferry.app;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** What a client of the reference process does, in the words of the REST API. */
final class OrderApi {

    private OrderApi() {
    }

    static String startOrder(Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("variables", variables, "businessKey", "order-" + System.nanoTime()))
                .post("/processes/order/instances")
                .then().statusCode(201)
                .extract().path("id");
    }

    static ValidatableResponse complete(String instanceId, String task, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("variables", variables))
                .post("/instances/{id}/tasks/{task}/complete", instanceId, task)
                .then();
    }

    /** Runs the due jobs (the tests' workers are off) and returns how many completed. */
    static int runJobs() {
        return given().post("/admin/jobs/run").then().statusCode(200).extract().path("completed");
    }

    static ValidatableResponse instance(String instanceId) {
        return given().get("/instances/{id}", instanceId).then().statusCode(200);
    }

    /** The history as "Type nodeId" lines, oldest first. */
    static List<String> history(String instanceId) {
        List<Map<String, Object>> events = given().get("/instances/{id}/history", instanceId)
                .then().statusCode(200).extract().path("");
        return events.stream().map(event -> event.get("type") + " " + event.get("nodeId")).toList();
    }
}
