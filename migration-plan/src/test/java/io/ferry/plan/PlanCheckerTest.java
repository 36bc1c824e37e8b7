package io.ferry.plan;

import static io.ferry.definition.Definitions.order;
import static io.ferry.plan.PlanReaderTest.readPlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.ProcessDefinition;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given plan files and the current definitions, the checker names every problem and how to fix it. */
class PlanCheckerTest {

    private static final List<ProcessDefinition> CURRENT = List.of(order("3"));

    static MigrationPlan plan(String file, String from, String to, String nodes) {
        return readPlan(file, """
                process: order
                from: "%s"
                to: "%s"
                nodes: {%s}
                """.formatted(from, to, nodes));
    }

    static List<String> problems(MigrationPlan... plans) {
        return PlanChecker.check(Arrays.asList(plans), CURRENT).stream().map(PlanProblem::toString).toList();
    }

    @Test
    void acceptsAChainToTheCurrentVersion() {
        assertThat(problems(
                plan("plans/order-1-to-2.yaml", "1", "2", "approveOrder: approve"),
                plan("plans/order-2-to-3.yaml", "2", "3", "approve: reviewOrder, oldJoin: join"))).isEmpty();
    }

    @Test
    void aTimerRuleMustNameATimerEventOfTheCurrentVersion() {
        MigrationPlan plan = readPlan("plans/order-2-to-3.yaml", """
                process: order
                from: "2"
                to: "3"
                timers: {reviewOrder: restart, reminder: keep}
                """);
        assertThat(problems(plan)).containsExactly(
                "plans/order-2-to-3.yaml:4:10: timers: 'reviewOrder' is a userTask without a timer in version 3 of process "
                        + "'order': name a timer catch or boundary event of the new version",
                "plans/order-2-to-3.yaml:4:32: timers: 'reminder' is not a node in version 3 of process 'order': name a "
                        + "timer catch or boundary event of the new version");
    }

    @Test
    void targetNodeMissingInTheCurrentVersion() {
        assertThat(problems(plan("plans/order-2-to-3.yaml", "2", "3", "approveOrder: reviewOrdr"))).containsExactly(
                "plans/order-2-to-3.yaml:4:9: node 'approveOrder' is mapped to 'reviewOrdr', which the current version 3 of process 'order' does not have: map it to a node of version 3");
    }

    @Test
    void targetNodeMissingAtTheEndOfAChain() {
        assertThat(problems(
                plan("plans/order-1-to-2.yaml", "1", "2", "approveOrder: approve"),
                plan("plans/order-2-to-3.yaml", "2", "3", "legacy: signOff"))).containsExactly(
                "plans/order-1-to-2.yaml:4:9: node 'approveOrder' is mapped to 'approve', which the current version 3 of process 'order' does not have and no later plan (plans/order-2-to-3.yaml) maps on: map it to a node of version 3, or map 'approve' in a later plan");
    }

    @Test
    void aMessageRenamedToANameTheNewVersionDoesNotWaitFor() {
        MigrationPlan renaming = readPlan("plans/order-2-to-3.yaml", """
                process: order
                from: "2"
                to: "3"
                messages:
                  Paid: PaymentReceived
                """);

        assertThat(problems(renaming)).containsExactly("plans/order-2-to-3.yaml:5:3: messages: 'Paid' is renamed to "
                + "'PaymentReceived', for which no node of version 3 of process 'order' waits (it waits for none): name a "
                + "message the new version waits for");
        assertThat(renaming.newMessageName("Paid")).isEqualTo("PaymentReceived");
        assertThat(CompiledChain.compose(List.of(renaming, readPlan("plans/order-3-to-4.yaml", """
                process: order
                from: "3"
                to: "4"
                messages:
                  PaymentReceived: PaymentSettled
                """))).newMessageName("Paid")).isEqualTo("PaymentSettled");
    }

    @Test
    void targetNodeThatHoldsNoState() {
        assertThat(problems(plan("plans/order-2-to-3.yaml", "2", "3", "approveOrder: end"))).containsExactly(
                "plans/order-2-to-3.yaml:4:9: node 'approveOrder' is mapped to 'end' (a node of kind endEvent) in the current version 3 of process 'order'; no instance can wait there, because tokens only rest at user tasks, service tasks (with their jobs), timer and message catch events, receive tasks, joining gateways and sub-processes, and timers and message subscriptions at boundary events: map it to one of those");
    }

    @Test
    void twoPlansLeaveTheSameVersion() {
        assertThat(problems(
                plan("plans/order-2-to-3.yaml", "2", "3", ""),
                plan("plans/order-2-to-3-fix.yaml", "2", "3", ""))).containsExactly(
                "plans/order-2-to-3-fix.yaml:2:7: plan leaves version 2 of process 'order', which plans/order-2-to-3.yaml already leaves; one plan per version: merge the two plans or fix 'from'");
    }

    @Test
    void plansGoRoundInACircle() {
        assertThat(problems(
                plan("plans/order-1-to-2.yaml", "1", "2", ""),
                plan("plans/order-2-to-1.yaml", "2", "1", ""))).containsExactly(
                "plans/order-1-to-2.yaml:3:5: plans go round in a circle, version 1 → 2 → 1 of process 'order' (plans/order-1-to-2.yaml, plans/order-2-to-1.yaml), and never reach the current version 3: fix 'to' in one of them");
    }

    @Test
    void planLeadsNowhere() {
        assertThat(problems(plan("plans/order-1-to-2.yaml", "1", "2", ""))).containsExactly(
                "plans/order-1-to-2.yaml:3:5: plan leads to version 2 of process 'order', which is neither the current version 3 nor left by another plan: fix 'to', or add a plan from version 2 towards the current version");
    }

    @Test
    void planLeadsToAVersionWhosePlanCouldNotBeRead() {
        List<String> problems = PlanChecker.check(List.of(plan("plans/order-1-to-2.yaml", "1", "2", "")), CURRENT,
                List.of("plans/order-2-to-3.yaml")).stream().map(PlanProblem::toString).toList();

        assertThat(problems).containsExactly(
                "plans/order-1-to-2.yaml:3:5: plan leads to version 2 of process 'order', which is neither the current version 3 nor left by another plan that could be read (plans/order-2-to-3.yaml could not be read): fix that first, as it may be the plan from version 2; otherwise fix 'to', or add a plan from version 2 towards the current version");
    }

    @Test
    void planForAnUnknownProcess() {
        MigrationPlan plan = readPlan("plans/invoice-1-to-2.yaml", """
                process: invoice
                from: 1
                to: 2
                """);
        assertThat(problems(plan)).containsExactly(
                "plans/invoice-1-to-2.yaml:1:10: plan for process 'invoice', which is not among the application's processes (order): fix 'process' or remove the plan");
    }

    @Test
    void planLeavesTheCurrentVersion() {
        assertThat(problems(plan("plans/order-3-to-4.yaml", "3", "4", ""))).containsExactly(
                "plans/order-3-to-4.yaml:2:7: plan leaves version 3 of process 'order', which is the current version, so no instance needs it: fix 'from' or remove the plan");
    }

    @Test
    void reportsTheProblemsOfAllPlansTogether() {
        assertThat(problems(
                plan("plans/b.yaml", "2", "3", "x: missing"),
                plan("plans/a.yaml", "1", "5", ""),
                plan("plans/c.yaml", "3", "4", "")))
                .extracting(problem -> problem.substring(0, problem.indexOf(": ")))
                .containsExactly("plans/a.yaml:3:5", "plans/b.yaml:4:9", "plans/c.yaml:2:7");
    }
}
