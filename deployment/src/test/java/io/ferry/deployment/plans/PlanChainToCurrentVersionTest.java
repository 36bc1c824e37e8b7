package io.ferry.deployment.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.catalog.ShippedMigrations;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With version 3 current, plans 1→2 and 2→3 build, and the app starts with one direct chain from version 1. */
class PlanChainToCurrentVersionTest {

    private static final String ORDER_V3 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="order" isExecutable="true" ferry:version="3">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="signOff"/>
                <userTask id="signOff"/>
                <sequenceFlow id="f2" sourceRef="signOff" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private static final String ONE_TO_TWO = """
            process: order
            from: 1
            to: 2
            nodes:
              approve: review
            """;

    private static final String TWO_TO_THREE = """
            process: order
            from: 2
            to: 3
            nodes:
              review: signOff
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new StringAsset(ORDER_V3), "processes/order.bpmn")
                    .addAsResource(new StringAsset(ONE_TO_TWO), "plans/order-1-to-2.yaml")
                    .addAsResource(new StringAsset(TWO_TO_THREE), "plans/order-2-to-3.yaml"));

    @Inject
    ShippedMigrations migrations;

    @Test
    void theAppStartsWithADirectChainFromTheFirstVersion() {
        given().get("/processes").then().statusCode(200).body("[0].version", equalTo("3"));
        assertThat(migrations.chainFrom("order", "1")).hasValueSatisfying(chain -> {
            assertThat(chain.newNodeId("approve")).isEqualTo("signOff");
            assertThat(chain.planFiles()).containsExactly("plans/order-1-to-2.yaml", "plans/order-2-to-3.yaml");
        });
    }
}
