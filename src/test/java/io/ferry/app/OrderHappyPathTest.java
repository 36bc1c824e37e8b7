package io.ferry.app;

import static io.ferry.app.OrderApi.complete;
import static io.ferry.app.OrderApi.history;
import static io.ferry.app.OrderApi.instance;
import static io.ferry.app.OrderApi.runJobs;
import static io.ferry.app.OrderApi.startOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderHappyPathTest {

    @Test
    void anApprovedOrderIsChargedPackedAndShipped() {
        String id = startOrder(Map.of("amount", 120, "customer", Map.of("name", "Ada", "tier", "gold")));
        instance(id).body("status", equalTo("ACTIVE")).body("activeNodeIds", contains("approveOrder"));

        complete(id, "approveOrder", Map.of("approved", true)).statusCode(200)
                .body("activeNodeIds", containsInAnyOrder("chargePayment", "packParcels"))
                .body("jobs.nodeId", contains("chargePayment"));
        assertThat(runJobs()).isEqualTo(1);
        instance(id).body("activeNodeIds", containsInAnyOrder("ready", "packParcels"))
                .body("variables.payment.status", equalTo("CHARGED"));
        complete(id, "packParcels", Map.of("parcels", 2)).statusCode(200)
                .body("activeNodeIds", containsInAnyOrder("shipping", "shipOrder"));
        complete(id, "shipOrder", Map.of("trackingNumber", "TN-1")).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("activeNodeIds.size()", equalTo(0))
                .body("variables.customer.tier", equalTo("gold"))
                .body("variables.trackingNumber", equalTo("TN-1"));

        assertThat(history(id)).containsSubsequence(
                "InstanceStarted null",
                "NodeEntered orderReceived",
                "TaskCreated approveOrder",
                "TaskCompleted approveOrder",
                "NodeEntered approved",
                "NodeEntered fulfil",
                "JobCreated chargePayment",
                "ServiceTaskCompleted chargePayment",
                "TaskCompleted packParcels",
                "NodeCompleted ready",
                "NodeEntered shipping",
                "TaskCompleted shipOrder",
                "NodeCompleted shipping",
                "NodeEntered orderShipped",
                "InstanceCompleted null");
    }

    @Test
    void aRejectedOrderEndsWithoutPayment() {
        String id = startOrder(Map.of("amount", 5));
        complete(id, "approveOrder", Map.of("approved", false)).statusCode(200)
                .body("status", equalTo("COMPLETED"));
        assertThat(history(id)).contains("NodeEntered orderRejected").doesNotContain("NodeEntered chargePayment");
    }
}
