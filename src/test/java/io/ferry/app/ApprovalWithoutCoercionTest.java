package io.ferry.app;

import static io.ferry.app.OrderApi.complete;
import static io.ferry.app.OrderApi.history;
import static io.ferry.app.OrderApi.startOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The order gateway's {@code ${approved == true}}: only the boolean true approves; "no" is a rejection, not a yes. */
@QuarkusTest
class ApprovalWithoutCoercionTest {

    static Stream<Object> notTrue() {
        return Stream.of("no", "False", "0", 1, List.of(false), Map.of("approved", false), false);
    }

    @ParameterizedTest(name = "approved = {0}")
    @MethodSource("notTrue")
    void anythingButTrueRejectsTheOrder(Object approved) {
        String id = startOrder(Map.of("amount", 120));

        complete(id, "approveOrder", Map.of("approved", approved)).statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("tasks", empty());

        assertThat(history(id)).containsSubsequence(
                        "TaskCompleted approveOrder", "NodeEntered approved", "NodeCompleted approved",
                        "NodeEntered orderRejected", "InstanceCompleted null")
                .doesNotContain("NodeEntered fulfil", "NodeEntered chargePayment");
    }

    @Test
    void trueApprovesIt() {
        String id = startOrder(Map.of("amount", 120));

        complete(id, "approveOrder", Map.of("approved", true)).statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("tasks.nodeId", contains("packParcels"));

        assertThat(history(id)).contains("NodeEntered fulfil").doesNotContain("NodeEntered orderRejected");
    }
}
