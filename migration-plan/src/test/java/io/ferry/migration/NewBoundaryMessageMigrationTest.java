package io.ferry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Definitions;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Subscription;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A version adds a message boundary event to a task (a cancellation that may now come at any time): a
 * token already waiting there gets its subscription at the migration, as a token arriving there would.
 */
class NewBoundaryMessageMigrationTest {

    private static final Instant NOW = Instant.parse("2027-01-05T12:00:00Z");
    private static final CompiledChain CHAIN = new CompiledChain("order", "1", "2", Map.of("review", "approve"),
            List.of("plans/order-1-to-2.yaml"), List.of());

    private static ProcessDefinition target(String correlationKey) {
        return Definitions.definition("order", "2",
                Definitions.node("approve", NodeKind.USER_TASK),
                new Node("cancelled", null, NodeKind.BOUNDARY_MESSAGE_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryMessage("approve", true, new NodeDetails.Message("OrderCancelled", correlationKey))));
    }

    private static InstanceState waitingAtReview(ObjectNode variables, List<Subscription> subscriptions) {
        return new InstanceState("order", "1", InstanceStatus.ACTIVE, List.of(new Token("t2", "review", null, TokenState.USER_TASK,
                List.of(), null, subscriptions)), List.of(), variables, 7);
    }

    private static ObjectNode variables(String json) {
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        if (json.equals("order-17")) {
            variables.putObject("order").put("id", "order-17");
        } else if (json.equals("17")) {
            variables.putObject("order").put("id", 17);
        } else if (json.equals("1.5")) {
            variables.putObject("order").put("id", 1.5);
        }
        return variables;
    }

    @Test
    void aTokenWaitingAtTheTaskGetsTheNewEventsSubscriptionWithTheKeyItsVariableHolds() {
        MigrationResult result = Route.of(CHAIN, target("order.id")).apply(waitingAtReview(variables("order-17"), List.of()), NOW);

        InstanceState migrated = ((MigrationResult.Migrated) result).migrated();
        assertThat(migrated.tokens().get(0).subscriptions())
                .containsExactly(new Subscription("sub8", "cancelled", "OrderCancelled", "order-17"));
        assertThat(migrated.lastIdNumber()).isEqualTo(8);
        assertThat(((MigrationResult.Migrated) Route.of(CHAIN, target("order.id"))
                .apply(waitingAtReview(variables("17"), List.of()), NOW)).migrated().tokens().get(0).subscriptions())
                .as("a whole number is a key, as when a token arrives")
                .containsExactly(new Subscription("sub8", "cancelled", "OrderCancelled", "17"));
    }

    @Test
    void aSubscriptionTheTokenHoldsForTheEventIsKeptNotOpenedTwice() {
        Subscription held = new Subscription("sub5", "cancelled", "OrderCancelled", "order-9");

        MigrationResult result = Route.of(CHAIN, target("order.id")).apply(waitingAtReview(variables("order-17"), List.of(held)), NOW);

        InstanceState migrated = ((MigrationResult.Migrated) result).migrated();
        assertThat(migrated.tokens().get(0).subscriptions()).containsExactly(held);
        assertThat(migrated.lastIdNumber()).isEqualTo(7);
    }

    @Test
    void aKeyVariableHoldingNoKeyBlocksTheInstanceRatherThanLeaveItDeafToTheMessage() {
        for (String held : List.of("none", "1.5")) {
            MigrationResult result = Route.of(CHAIN, target("order.id")).apply(waitingAtReview(variables(held), List.of()), NOW);

            assertThat(result).as(held).isInstanceOfSatisfying(MigrationResult.Blocked.class, blocked -> assertThat(blocked.unplaced())
                    .containsExactly(new UnplacedNode("approve", "message boundary event 'cancelled' (version 2) cannot be "
                            + "opened for the task at 'approve': the correlation key of message 'OrderCancelled', variable "
                            + "'order.id', holds no text or whole number; give the variable a value in the plan (variables:)")));
        }
    }

    @Test
    void withoutAMomentNothingIsOpened() {
        MigrationResult result = Route.of(CHAIN, target("order.id")).apply(waitingAtReview(variables("order-17"), List.of()));

        assertThat(((MigrationResult.Migrated) result).migrated().tokens().get(0).subscriptions()).isEmpty();
    }
}
