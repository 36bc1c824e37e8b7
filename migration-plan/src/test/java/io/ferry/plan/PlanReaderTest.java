package io.ferry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ferry.source.SourcePosition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanReaderTest {

    static MigrationPlan readPlan(String file, String content) {
        PlanReadResult result = PlanReader.read(file, content);
        assertThat(result).as("problems: %s", result).isInstanceOf(PlanReadResult.Read.class);
        return ((PlanReadResult.Read) result).plan();
    }

    @Test
    void readsAYamlPlanWithEveryPart() {
        MigrationPlan plan = readPlan("plans/order-1-to-2.yaml", """
                process: order
                from: "1"
                to: 2
                description: Approval split into review and sign-off
                author: Jane Analyst
                nodes:
                  approveOrder: reviewOrder
                  shipOrder: ship
                variables:
                  rename: {amount: totalAmount}
                  defaults:
                    currency: EUR
                    retries: 3
                    rate: 0.5
                  remove: [legacyFlag]
                """);

        assertThat(plan.file()).isEqualTo("plans/order-1-to-2.yaml");
        assertThat(plan.processId()).isEqualTo("order");
        assertThat(plan.fromVersion()).isEqualTo("1");
        assertThat(plan.toVersion()).isEqualTo("2");
        assertThat(plan.description()).isEqualTo("Approval split into review and sign-off");
        assertThat(plan.author()).isEqualTo("Jane Analyst");
        assertThat(plan.nodes()).containsExactly(Map.entry("approveOrder", "reviewOrder"), Map.entry("shipOrder", "ship"));
        assertThat(plan.variableChanges()).containsExactly(
                new VariableChange.Rename("amount", "totalAmount"),
                new VariableChange.SetDefault("currency", TextNode.valueOf("EUR")),
                new VariableChange.SetDefault("retries", IntNode.valueOf(3)),
                new VariableChange.SetDefault("rate", DoubleNode.valueOf(0.5)),
                new VariableChange.Remove("legacyFlag"));
        assertThat(plan.positions().from()).isEqualTo(new SourcePosition(2, 7));
        assertThat(plan.positions().node("shipOrder")).isEqualTo(new SourcePosition(8, 3));
    }

    @Test
    void keepsVersionsAsWritten() {
        MigrationPlan plan = readPlan("plans/order.yml", """
                process: order
                from: 1.10
                to: 1.9
                """);

        assertThat(plan.fromVersion()).isEqualTo("1.10");
        assertThat(plan.toVersion()).isEqualTo("1.9");
        assertThat(plan.nodes()).isEmpty();
        assertThat(plan.variableChanges()).isEmpty();
    }

    @Test
    void readsTheSamePlanFromJson() {
        MigrationPlan plan = readPlan("plans/order-1-to-2.json", """
                {
                  "process": "order",
                  "from": "1",
                  "to": "2",
                  "nodes": {"approveOrder": "reviewOrder"},
                  "variables": {"rename": {"amount": "totalAmount"}, "remove": ["legacyFlag"]}
                }
                """);

        assertThat(plan.nodes()).containsExactly(Map.entry("approveOrder", "reviewOrder"));
        assertThat(plan.variableChanges()).isEqualTo(List.of(
                new VariableChange.Rename("amount", "totalAmount"), new VariableChange.Remove("legacyFlag")));
        assertThat(plan.positions().node("approveOrder")).isEqualTo(new SourcePosition(5, 13));
    }

    @Test
    void problemsPrintAsFileLineColumnMessage() {
        assertThat(new PlanProblem("plans/order-1-to-2.yaml", 7, 3, "unknown field 'x'"))
                .hasToString("plans/order-1-to-2.yaml:7:3: unknown field 'x'");
        assertThat(new PlanProblem("plans/order-1-to-2.yaml", 0, 0, "no such process"))
                .hasToString("plans/order-1-to-2.yaml: no such process");
    }
}
