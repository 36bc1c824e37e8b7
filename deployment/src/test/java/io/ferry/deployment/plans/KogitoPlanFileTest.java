package io.ferry.deployment.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ferry.catalog.ShippedMigrations;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A team leaving Kogito keeps its .mpf files as Kogito wrote them. */
class KogitoPlanFileTest {

    private static final String ORDER_V2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="order" isExecutable="true" ferry:version="2.0">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <userTask id="review"/>
                <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private static final String KOGITO_PLAN = """
            {
              "name" : "Approval becomes review",
              "processMigrationPlan" : {
                "sourceProcessDefinition" : { "processId" : "order", "processVersion" : "1.0" },
                "targetProcessDefinition" : { "processId" : "order", "processVersion" : "2.0" },
                "nodeInstanceMigrationPlan" : [ { "sourceNodeId" : "approve", "targetNodeId" : "review" } ]
              }
            }
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root
                    .addAsResource(new StringAsset(ORDER_V2), "processes/order.bpmn")
                    .addAsResource(new StringAsset(KOGITO_PLAN), "plans/order-approval.mpf"));

    @Inject
    ShippedMigrations migrations;

    @Test
    void theAppStartsWithThePlanAsKogitoWroteIt() {
        given().get("/processes").then().statusCode(200).body("[0].version", equalTo("2.0"));
        assertThat(migrations.plans()).singleElement()
                .satisfies(plan -> assertThat(plan.description()).isEqualTo("Approval becomes review"));
        assertThat(migrations.chainFrom("order", "1.0"))
                .hasValueSatisfying(chain -> assertThat(chain.nodeMap()).isEqualTo(Map.of("approve", "review")));
    }
}
