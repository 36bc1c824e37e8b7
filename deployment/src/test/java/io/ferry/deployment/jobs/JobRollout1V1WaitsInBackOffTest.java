package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.deployment.timers.SettableClock;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Version 1 starts two refunds; the bank is offline, so each payment job fails once and waits a minute.
 * It also opens a return, which waits for its parcel, and buffers the parcel of a return not opened yet.
 */
@Order(12)
class JobRollout1V1WaitsInBackOffTest {

    @RegisterExtension
    static final QuarkusUnitTest app = JobRollout.build("v1");

    @Test
    void eachJobFailsOnceAndWaits() {
        SettableClock.now = Instant.parse("2027-01-04T09:00:00Z");
        String recovering = start(Map.of());
        String stillDown = start(Map.of("bankDown", true));

        given().post("/admin/jobs/run").then().statusCode(200).body("failed", equalTo(2));

        for (String id : new String[] {recovering, stillDown}) {
            given().get("/instances/{id}", id).then().statusCode(200).body("version", equalTo("1"))
                    .body("jobs[0].nodeId", equalTo("payRefund")).body("jobs[0].attempts", equalTo(1))
                    .body("jobs[0].dueAt", equalTo("2027-01-04T09:01:00Z"));
        }
        String returned = given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("returnId", "r-1")))
                .post("/processes/return/instances").then().statusCode(201).extract().path("id");
        JobRollout.remember("return", returned);
        JobRollout.remember("withdrawn", given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("returnId", "r-4")))
                .post("/processes/return/instances").then().statusCode(201).extract().<String>path("id"));
        JobRollout.remember("stranded", given().contentType(ContentType.JSON).body(Map.of("variables", Map.of("returnId", "r-3")))
                .post("/processes/return/instances").then().statusCode(201).extract().<String>path("id"));
        // A parcel announced before its return is opened waits in the buffer, under version 1's message name.
        given().contentType(ContentType.JSON).body(Map.of("name", "ParcelReturned", "correlationKey", "r-2",
                        "variables", Map.of("condition", "dented"), "timeToLive", "P1D"))
                .post("/messages").then().statusCode(202).body("outcome", equalTo("BUFFERED"));
        JobRollout.remember("recovering", recovering);
        JobRollout.remember("stillDown", stillDown);
        JobRollout.remember("key", recovering + ":" + given().get("/instances/{id}", recovering).then().extract().path("jobs[0].id"));
    }

    private static String start(Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", variables))
                .post("/processes/refund/instances").then().statusCode(201).extract().path("id");
    }
}
