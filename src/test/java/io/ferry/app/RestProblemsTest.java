package io.ferry.app;

import static io.ferry.app.OrderApi.complete;
import static io.ferry.app.OrderApi.startOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every mistake a client can make gets a problem+json naming what was wrong, never a 500. */
@QuarkusTest
class RestProblemsTest {

    @Test
    void unknownProcessIs404() {
        given().contentType(ContentType.JSON).body("{}")
                .post("/processes/nope/instances")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://ferry.io/problems/unknown-process"))
                .body("detail", equalTo("No process 'nope' is deployed; GET /processes lists the deployed ones."))
                .body("instance", equalTo("/processes/nope/instances"));
    }

    @Test
    void unknownInstanceIs404() {
        UUID id = UUID.randomUUID();
        given().get("/instances/{id}", id).then().statusCode(404)
                .body("detail", equalTo("No instance " + id + " exists."));
        given().get("/instances/not-a-uuid").then().statusCode(404)
                .body("detail", equalTo("No instance 'not-a-uuid' exists: instance ids are UUIDs."));
    }

    @Test
    void unknownTaskIs404AndNamesTheOpenTasks() {
        String id = startOrder(Map.of("amount", 1));
        complete(id, "shipOrder", Map.of()).statusCode(404)
                .body("type", equalTo("https://ferry.io/problems/unknown-task"))
                .body("detail", containsString("shipOrder"))
                .body("detail", containsString("approveOrder"));
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        given().contentType(ContentType.JSON).body("{\"variables\": {\"amount\": 1,}")
                .post("/processes/order/instances")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("The request body is not valid at 'variables.amount' (line 1, column 28): Unexpected character"));
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"variables\": 5}")
                .post("/processes/order/instances")
                .then().statusCode(400)
                .body("detail", startsWith("The request body is not valid at 'variables'"));
    }

    @Test
    void unknownRequestFieldIs400() {
        given().contentType(ContentType.JSON).body("{\"varaibles\": {}}")
                .post("/processes/order/instances")
                .then().statusCode(400)
                .body("detail", containsString("varaibles"));
    }

    @Test
    void completingATaskOfACompletedInstanceIs409() {
        String id = startOrder(Map.of("amount", 1));
        complete(id, "approveOrder", Map.of("approved", false)).statusCode(200);
        complete(id, "packParcels", Map.of()).statusCode(409)
                .body("type", equalTo("https://ferry.io/problems/instance-not-active"))
                .body("detail", containsString("COMPLETED"));
    }

    @Test
    void cancelledInstanceRefusesFurtherOperations() {
        String id = startOrder(Map.of("amount", 1));
        given().post("/instances/{id}/cancel", id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().post("/instances/{id}/cancel", id).then().statusCode(409).body("detail", containsString("CANCELLED"));
    }

    @Test
    void aConditionOverMissingDataIs422NamingTheVariable() {
        String id = startOrder(Map.of("amount", 1));
        complete(id, "approveOrder", Map.of()).statusCode(422)
                .body("detail", containsString("approved"));
    }

    @Test
    void badPagingIs400() {
        given().get("/instances?size=100000").then().statusCode(400)
                .body("detail", containsString("size between 1 and 200"));
        given().get("/instances?status=RUNNING").then().statusCode(400)
                .body("detail", containsString("ACTIVE"));
    }

    @Test
    void aMalformedIfMatchIs400() {
        String id = startOrder(Map.of("amount", 1));
        given().header("If-Match", "yesterday").post("/instances/{id}/cancel", id)
                .then().statusCode(400)
                .body("detail", equalTo("If-Match must be the instance's revision as its ETag gives it, like \"3\"; got yesterday."));
    }

    @Test
    void sweepParametersOutOfRangeAre400() {
        given().post("/admin/migrations/sweep?batchSize=0").then().statusCode(400)
                .body("detail", equalTo("batchSize must be between 1 and 1000 and maxBatches at least 1; got batchSize=0, maxBatches=10."));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/nothing-here").then().statusCode(404);
    }
}
