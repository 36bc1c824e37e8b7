package io.ferry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem of a file comes out at once, each with its line, column and what to do. */
class PlanReaderProblemsTest {

    static List<String> problems(String file, String content) {
        PlanReadResult result = PlanReader.read(file, content);
        assertThat(result).isInstanceOf(PlanReadResult.Invalid.class);
        return ((PlanReadResult.Invalid) result).problems().stream().map(PlanProblem::toString).toList();
    }

    @Test
    void unknownField() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                process: order
                from: 1
                to: 2
                nodez:
                  approveOrder: reviewOrder
                variables:
                  renames: {amount: totalAmount}
                """)).containsExactly(
                "plans/order-1-to-2.yaml:4:1: unknown field 'nodez' in the plan; the fields are: process, from, to, description, author, nodes, variables, timers, messages",
                "plans/order-1-to-2.yaml:7:3: unknown field 'renames' in 'variables'; the fields are: rename, defaults, remove");
    }

    @Test
    void timerRules() {
        assertThat(problems("plans/claim-1-to-2.yaml", """
                process: claim
                from: 1
                to: 2
                timers:
                  slaExpired: postpone
                  remind:
                """)).containsExactly(
                "plans/claim-1-to-2.yaml:5:15: 'timers.slaExpired' is 'postpone', not a timer rule: write keep, reschedule or restart",
                "plans/claim-1-to-2.yaml:6:10: 'timers.remind' is empty: write keep, reschedule or restart");
    }

    @Test
    void duplicateKey() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                process: order
                from: 1
                to: 2
                nodes:
                  approveOrder: reviewOrder
                  approveOrder: signOff
                from: 3
                """)).containsExactly(
                "plans/order-1-to-2.yaml:6:3: 'approveOrder' appears twice (first on line 5): keep one",
                "plans/order-1-to-2.yaml:7:1: 'from' appears twice (first on line 2): keep one");
    }

    @Test
    void duplicateKeyInJson() {
        assertThat(problems("plans/order-1-to-2.json", """
                {"process": "order", "from": "1", "to": "2",
                 "process": "invoice"}
                """)).containsExactly(
                "plans/order-1-to-2.json:2:2: 'process' appears twice (first on line 1): keep one");
    }

    @Test
    void wrongTypes() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                process: [order]
                from: true
                to: 2
                description: {text: hi}
                nodes:
                  - approveOrder
                variables:
                  rename: {amount: 12}
                  remove: legacyFlag
                """)).containsExactly(
                "plans/order-1-to-2.yaml:1:10: 'process' must be a text, not a list",
                "plans/order-1-to-2.yaml:2:7: 'from' must be a version such as \"2\", not true/false",
                "plans/order-1-to-2.yaml:4:14: 'description' must be a text, not a mapping",
                "plans/order-1-to-2.yaml:6:3: 'nodes' must be a mapping from old node id to new node id, not a list",
                "plans/order-1-to-2.yaml:8:20: 'variables.rename.amount' must be a text, not a number",
                "plans/order-1-to-2.yaml:9:11: 'variables.remove' must be a list of variable names, not a text");
    }

    @Test
    void emptyIds() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                process: ""
                from: 1
                to:
                nodes:
                  approveOrder: ''
                  "": signOff
                variables:
                  remove: [legacyFlag, " "]
                """)).containsExactly(
                "plans/order-1-to-2.yaml:1:10: 'process' is empty: write the id of the BPMN process the plan migrates",
                "plans/order-1-to-2.yaml:3:4: 'to' is empty: write the version instances move to",
                "plans/order-1-to-2.yaml:5:17: 'nodes.approveOrder' is empty: write the node's id in the new version",
                "plans/order-1-to-2.yaml:6:3: 'nodes' has an empty key: write the node's id in the old version",
                "plans/order-1-to-2.yaml:8:24: 'variables.remove[2]' is empty: write the variable's name");
    }

    @Test
    void missingFields() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                description: forgot the rest
                """)).containsExactly(
                "plans/order-1-to-2.yaml:1:1: 'process' is missing: write the id of the BPMN process the plan migrates",
                "plans/order-1-to-2.yaml:1:1: 'from' is missing: write the version instances leave",
                "plans/order-1-to-2.yaml:1:1: 'to' is missing: write the version instances move to");
    }

    @Test
    void sameVersionOnBothSides() {
        assertThat(problems("plans/order.yaml", """
                process: order
                from: 2
                to: "2"
                """)).containsExactly(
                "plans/order.yaml:3:5: from and to are both version 2: a plan must lead to another version");
    }

    @Test
    void badYaml() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                process: order
                from: 1
                nodes: {approveOrder: reviewOrder
                to: 2
                """)).containsExactly(
                "plans/order-1-to-2.yaml:4:3: not valid YAML: while parsing a flow mapping, expected ',' or '}', but got :");
    }

    @Test
    void badIndentation() {
        assertThat(problems("plans/order-1-to-2.yaml", """
                process: order
                from: 1
                 to: 2
                """)).containsExactly(
                "plans/order-1-to-2.yaml:3:4: not valid YAML: mapping values are not allowed here"
                        + " (this line is indented deeper than the key above it, or a value holds ': ' unquoted: align the key, or quote the value)");
    }

    @Test
    void badJson() {
        assertThat(problems("plans/order-1-to-2.json", """
                {
                  "process": "order",
                  "from" "1"
                }
                """)).containsExactly(
                "plans/order-1-to-2.json:3:10: not valid JSON: Unexpected character ('\"' (code 34)): was expecting a colon to separate field name and value");
    }

    @Test
    void emptyFile() {
        assertThat(problems("plans/order-1-to-2.yaml", "")).containsExactly(
                "plans/order-1-to-2.yaml:1:1: the file is empty: a plan needs at least process, from and to");
    }

    @Test
    void notAMapping() {
        assertThat(problems("plans/order-1-to-2.yaml", "- process: order\n")).containsExactly(
                "plans/order-1-to-2.yaml:1:1: a plan must be a mapping with process, from and to, not a list");
    }

    @Test
    void twoDocumentsInOneFile() {
        assertThat(problems("plans/order.yaml", """
                process: order
                from: 1
                to: 2
                ---
                process: order
                from: 2
                to: 3
                """)).containsExactly(
                "plans/order.yaml:5:1: a second document starts here: put each plan in a file of its own");
    }

    @Test
    void yamlAliases() {
        assertThat(problems("plans/order.yaml", """
                process: &name order
                from: 1
                to: 2
                description: *name
                """)).containsExactly(
                "plans/order.yaml:4:14: YAML aliases are not supported in plan files: write the value out");
    }

    @Test
    void unknownFileType() {
        assertThat(problems("plans/order.txt", "process: order")).containsExactly(
                "plans/order.txt: unknown plan file type: name the file .yaml, .yml, .json or .mpf");
    }
}
