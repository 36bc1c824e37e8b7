package io.ferry.plan;

import static io.ferry.plan.PlanReaderProblemsTest.problems;
import static io.ferry.plan.PlanReaderTest.readPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.source.SourcePosition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kogito's .mpf files are read as Kogito writes them. */
class KogitoPlanReaderTest {

    @Test
    void readsAKogitoPlanFile() {
        MigrationPlan plan = readPlan("META-INF/migration-plan/order_migration.mpf", """
                {
                    "name" : "order 1 to 2",
                    "processMigrationPlan" : {
                        "sourceProcessDefinition" : {
                            "processId" : "order",
                            "processVersion" : "1.0"
                        },
                        "targetProcessDefinition" : {
                            "processId" : "order",
                            "processVersion" : "2.0"
                        },
                        "nodeInstanceMigrationPlan" : [
                            {
                                "sourceNodeId" : "_8430CA7E-8CC6-4C2C-9664-6B5BBD5E36CB",
                                "targetNodeId" : "_1D65864A-96AF-44FC-92CE-2073B9FBA7D0"
                            },
                            { "sourceNodeId" : "approveOrder", "targetNodeId" : "reviewOrder" }
                        ]
                    }
                }
                """);

        assertThat(plan.processId()).isEqualTo("order");
        assertThat(plan.fromVersion()).isEqualTo("1.0");
        assertThat(plan.toVersion()).isEqualTo("2.0");
        assertThat(plan.description()).isEqualTo("order 1 to 2");
        assertThat(plan.nodes()).containsExactly(
                Map.entry("_8430CA7E-8CC6-4C2C-9664-6B5BBD5E36CB", "_1D65864A-96AF-44FC-92CE-2073B9FBA7D0"),
                Map.entry("approveOrder", "reviewOrder"));
        assertThat(plan.positions().node("approveOrder")).isEqualTo(new SourcePosition(17, 32));
        assertThat(plan.variableChanges()).isEmpty();
    }

    @Test
    void reportsEveryProblemOfAKogitoPlanFile() {
        assertThat(problems("order.mpf", """
                {
                    "name" : "order 1 to 2",
                    "processMigrationPlan" : {
                        "sourceProcessDefinition" : { "processId" : "order", "processVersion" : "1" },
                        "targetProcessDefinition" : { "processId" : "invoice", "version" : "2" },
                        "nodeInstanceMigrationPlan" : [
                            { "sourceNodeId" : "a", "targetNodeId" : "b" },
                            { "sourceNodeId" : "a", "targetNodeId" : "" }
                        ]
                    }
                }
                """)).containsExactly(
                "order.mpf:5:37: 'processMigrationPlan.targetProcessDefinition.processVersion' is missing: write the process version",
                "order.mpf:5:53: the source is process 'order' but the target is process 'invoice': Ferry migrates instances within one process, so both must be the same",
                "order.mpf:5:64: unknown field 'version' in 'processMigrationPlan.targetProcessDefinition'; the fields are: processId, processVersion",
                "order.mpf:8:54: 'processMigrationPlan.nodeInstanceMigrationPlan[2].targetNodeId' is empty: write the node's id in the target version");
    }

    @Test
    void refusesToMoveInstancesToAnotherProcess() {
        assertThat(problems("order.mpf", """
                {"processMigrationPlan": {
                  "sourceProcessDefinition": {"processId": "simple", "processVersion": "1.0"},
                  "targetProcessDefinition": {"processId": "addedtask", "processVersion": "1.0"},
                  "nodeInstanceMigrationPlan": [
                    {"sourceNodeId": "a", "targetNodeId": "b"},
                    {"sourceNodeId": "a", "targetNodeId": "c"}]}}
                """)).containsExactly(
                "order.mpf:3:44: the source is process 'simple' but the target is process 'addedtask': Ferry migrates instances within one process, so both must be the same",
                "order.mpf:6:22: node 'a' is mapped twice (first on line 5): keep one");
    }
}
