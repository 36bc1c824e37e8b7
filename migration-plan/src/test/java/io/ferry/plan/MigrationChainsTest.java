package io.ferry.plan;

import static io.ferry.definition.Definitions.order;
import static io.ferry.plan.PlanReaderTest.readPlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationChainsTest {

    private static final MigrationPlan ONE_TO_TWO = readPlan("plans/order-1-to-2.yaml", """
            process: order
            from: 1
            to: 2
            nodes:
              approveOrder: approve
              legacyCheck: reviewOrder
            variables:
              rename: {amount: total}
              defaults: {currency: EUR}
            """);
    private static final MigrationPlan TWO_TO_THREE = readPlan("plans/order-2-to-3.yaml", """
            process: order
            from: 2
            to: 3
            nodes:
              approve: signOff
              legacyCheck: join
              oldJoin: join
            variables:
              remove: [legacyFlag]
            """);

    @Test
    void aTimerRuleFollowsItsEventThroughLaterPlansAndALaterRuleWins() {
        MigrationPlan first = readPlan("plans/claim-1-to-2.yaml", """
                process: claim
                from: 1
                to: 2
                timers: {remind: reschedule, deadline: restart}
                """);
        MigrationPlan second = readPlan("plans/claim-2-to-3.yaml", """
                process: claim
                from: 2
                to: 3
                nodes: {remind: nudge}
                timers: {deadline: keep}
                """);

        CompiledChain chain = CompiledChain.compose(List.of(first, second));

        assertThat(chain.timers()).containsExactly(Map.entry("nudge", TimerRule.RESCHEDULE), Map.entry("deadline", TimerRule.KEEP));
    }

    @Test
    void composesAChainIntoOneDirectMapPerVersion() {
        MigrationChains chains = MigrationChains.compose(List.of(ONE_TO_TWO, TWO_TO_THREE), List.of(order("3")));

        CompiledChain fromOne = chains.find("order", "1").orElseThrow();
        assertThat(fromOne.fromVersion()).isEqualTo("1");
        assertThat(fromOne.toVersion()).isEqualTo("3");
        // legacyCheck of version 1 became reviewOrder in 2; version 2's own legacyCheck is another node.
        assertThat(fromOne.nodeMap()).containsExactly(
                Map.entry("approveOrder", "signOff"),
                Map.entry("legacyCheck", "reviewOrder"),
                Map.entry("approve", "signOff"),
                Map.entry("oldJoin", "join"));
        assertThat(fromOne.planFiles()).containsExactly("plans/order-1-to-2.yaml", "plans/order-2-to-3.yaml");
        assertThat(fromOne.variableChanges()).hasSize(3);

        CompiledChain fromTwo = chains.find("order", "2").orElseThrow();
        assertThat(fromTwo.nodeMap()).isEqualTo(TWO_TO_THREE.nodes());
        assertThat(fromTwo.planFiles()).containsExactly("plans/order-2-to-3.yaml");
        assertThat(chains.chains()).hasSize(2);
        assertThat(chains.find("order", "3")).isEmpty();
    }

    @Test
    void composesOnlyPathsThatReachTheCurrentVersion() {
        MigrationPlan deadEnd = PlanCheckerTest.plan("plans/order-0-to-9.yaml", "0", "9", "");
        MigrationChains chains = MigrationChains.compose(List.of(deadEnd, TWO_TO_THREE), List.of(order("3")));

        assertThat(chains.chains()).extracting(CompiledChain::fromVersion).containsExactly("2");
    }

    @Test
    void chainsRoundTripThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        MigrationChains chains = MigrationChains.compose(List.of(ONE_TO_TWO, TWO_TO_THREE), List.of(order("3")));

        String json = mapper.writeValueAsString(chains);
        MigrationChains read = mapper.readValue(json, MigrationChains.class);

        assertThat(read.chains()).isEqualTo(chains.chains());
        assertThat(read.find("order", "1")).isEqualTo(chains.find("order", "1"));
        assertThat(json).contains("\"change\":\"rename\"");
    }
}
