package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Subscription;
import io.ferry.state.TokenState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages, given/when/then over exact history and effects: subscriptions open, messages arrive, boundaries fire. */
class MessageTest {

    private final ExecutableProcess payment = ProcessBuilder.process("order")
            .start("start").messageCatch("waitForPayment", "PaymentReceived", "order.id").end("end")
            .chain("start", "waitForPayment", "end")
            .build();

    @Test
    void aTokenAtAMessageCatchEventWaitsWithASubscriptionKeyedByItsVariable() {
        // when
        var outcome = engine().apply(payment, null, new EngineCommand.Start(json("{'order': {'id': 'o-17'}}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly("InstanceStarted", "NodeEntered start", "NodeCompleted start",
                "NodeEntered waitForPayment", "MessageSubscribed waitForPayment");
        InstanceState waiting = stateAfter(outcome);
        assertThat(waiting.tokens().get(0).state()).isEqualTo(TokenState.MESSAGE);
        assertThat(waiting.tokens().get(0).subscriptions()).containsExactly(
                new Subscription("sub3", "waitForPayment", "PaymentReceived", "o-17"));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.OpenSubscription("sub3", "PaymentReceived", "o-17"));
    }

    @Test
    void theMessageMergesItsVariablesAndTheTokenMovesOn() {
        InstanceState waiting = stateAfter(engine().apply(payment, null, new EngineCommand.Start(json("{'order': {'id': 42}}")), CONTEXT));

        var outcome = engine().apply(payment, waiting, new EngineCommand.CorrelateMessage("sub3", json("{'paid': 120}")), CONTEXT);

        assertThat(history(outcome)).containsExactly("MessageCorrelated waitForPayment", "NodeCompleted waitForPayment",
                "NodeEntered end", "NodeCompleted end", "InstanceCompleted");
        assertThat(stateAfter(outcome).variables()).isEqualTo(json("{'order': {'id': 42}, 'paid': 120}"));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CloseSubscription("sub3"));
        assertThat(refusal(engine().apply(payment, waiting, new EngineCommand.CorrelateMessage("sub9", json("{}")), CONTEXT)).reason())
                .isEqualTo(RefusalReason.SUBSCRIPTION_NOT_OPEN);
    }

    @Test
    void aMissingCorrelationVariableRefusesTheOperationNamingIt() {
        Refusal refusal = refusal(engine().apply(payment, null, new EngineCommand.Start(json("{'order': {}}")), CONTEXT));

        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.CORRELATION_KEY_INVALID, "intermediateCatchEvent "
                + "'waitForPayment' waits for message 'PaymentReceived' correlated by variable 'order.id', which holds nothing, "
                + "not text or a number; set it with PATCH /instances/i-1/variables or in the request that gets here"));
    }

    @Test
    void anInterruptingMessageBoundaryEventEndsTheTaskAndLeavesFromTheEvent() {
        ExecutableProcess cancellable = ProcessBuilder.process("order")
                .start("start").userTask("pack").end("shipped")
                .boundaryMessage("cancelled", "pack", true, "CancelOrder", "orderId").end("refunded")
                .chain("start", "pack", "shipped").flow("cancelled", "refunded")
                .build();
        InstanceState packing = stateAfter(engine().apply(cancellable, null, new EngineCommand.Start(json("{'orderId': 'o-1'}")), CONTEXT));
        String subscription = packing.tokens().get(0).subscriptions().get(0).id();

        var outcome = engine().apply(cancellable, packing, new EngineCommand.CorrelateMessage(subscription, json("{'reason': 'x'}")),
                CONTEXT);

        assertThat(history(outcome)).containsExactly("MessageCorrelated cancelled", "NodeTerminated pack", "NodeEntered cancelled",
                "NodeCompleted cancelled", "NodeEntered refunded", "NodeCompleted refunded", "InstanceCompleted");
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CloseSubscription(subscription));
    }

    @Test
    void aNonInterruptingMessageBoundaryEventKeepsTheTaskAndItsSubscription() {
        ExecutableProcess noted = ProcessBuilder.process("order")
                .start("start").receiveTask("awaitDelivery", "Delivered", "orderId").end("done")
                .boundaryMessage("addressChanged", "awaitDelivery", false, "AddressChanged", "orderId").userTask("reroute")
                .chain("start", "awaitDelivery", "done").flow("addressChanged", "reroute")
                .build();
        InstanceState waiting = stateAfter(engine().apply(noted, null, new EngineCommand.Start(json("{'orderId': 'o-2'}")), CONTEXT));
        assertThat(waiting.tokens().get(0).subscriptions()).extracting(Subscription::messageName)
                .containsExactly("Delivered", "AddressChanged");

        InstanceState rerouting = stateAfter(engine().apply(noted, waiting,
                new EngineCommand.CorrelateMessage(waiting.tokens().get(0).subscriptions().get(1).id(), json("{}")), CONTEXT));

        assertThat(rerouting.tokens()).extracting(token -> token.nodeId() + " " + token.state())
                .containsExactly("awaitDelivery MESSAGE", "reroute USER_TASK");
        assertThat(rerouting.tokens().get(0).subscriptions()).hasSize(2);
    }

    @Test
    void aMessageStartEventStartsTheInstanceThere() {
        ExecutableProcess byMessage = ProcessBuilder.process("order")
                .messageStart("placed", "OrderPlaced").userTask("review")
                .chain("placed", "review").build();

        var outcome = engine().apply(byMessage, null, new EngineCommand.Start(json("{'amount': 3}"), "placed"), CONTEXT);

        assertThat(history(outcome)).containsExactly("InstanceStarted", "NodeEntered placed", "NodeCompleted placed",
                "NodeEntered review", "TaskCreated review");
        assertThat(stateAfter(outcome).status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(byMessage.startsWithoutMessage()).isFalse();
        assertThat(byMessage.startMessages()).isEqualTo(List.of("OrderPlaced"));
    }
}
