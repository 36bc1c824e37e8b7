package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.NOW;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.at;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.TimerDefinition;
import io.ferry.state.InstanceState;
import io.ferry.state.TokenState;
import org.junit.jupiter.api.Test;

/** An event-based gateway waits for the first of its events: a message that beats the timer, a timer that wins. */
class EventGatewayTest {

    private final ExecutableProcess payment = ProcessBuilder.process("order")
            .start("start").eventGateway("firstOf")
            .messageCatch("paid", "PaymentReceived", "orderId").timer("tooLate", TimerDefinition.Type.DURATION, "P7D")
            .userTask("ship").userTask("remind")
            .chain("start", "firstOf").flow("firstOf", "paid").flow("firstOf", "tooLate")
            .flow("paid", "ship").flow("tooLate", "remind")
            .build();

    @Test
    void theTokenWaitsAtTheGatewayWithATimerAndASubscription() {
        var outcome = engine().apply(payment, null, new EngineCommand.Start(json("{'orderId': 'o-1'}")), CONTEXT);

        InstanceState waiting = stateAfter(outcome);
        assertThat(waiting.tokens()).hasSize(1);
        assertThat(waiting.tokens().get(0).state()).isEqualTo(TokenState.EVENTS);
        assertThat(waiting.tokens().get(0).timers()).extracting(timer -> timer.nodeId() + " " + timer.dueAt())
                .containsExactly("tooLate " + NOW.plusSeconds(7 * 24 * 3600));
        assertThat(waiting.tokens().get(0).subscriptions()).extracting(subscription -> subscription.nodeId() + " "
                + subscription.correlationKey()).containsExactly("paid o-1");
    }

    @Test
    void whenTheMessageBeatsTheTimerTheTokenTakesTheMessagesWayAndTheTimerIsDropped() {
        InstanceState waiting = stateAfter(engine().apply(payment, null, new EngineCommand.Start(json("{'orderId': 'o-1'}")), CONTEXT));
        String subscription = waiting.tokens().get(0).subscriptions().get(0).id();
        String timer = waiting.tokens().get(0).timers().get(0).id();

        var outcome = engine().apply(payment, waiting, new EngineCommand.CorrelateMessage(subscription, json("{'paid': 1}")), CONTEXT);

        assertThat(history(outcome)).containsExactly("NodeCompleted firstOf", "NodeEntered paid", "MessageCorrelated paid",
                "NodeCompleted paid", "NodeEntered ship", "TaskCreated ship");
        assertThat(advanced(outcome).effects()).containsExactlyInAnyOrder(new Effect.CancelTimer(timer),
                new Effect.CloseSubscription(subscription));
        assertThat(refusal(engine().apply(payment, stateAfter(outcome), new EngineCommand.FireTimer(timer),
                at(NOW.plusSeconds(8 * 24 * 3600)))).reason()).isEqualTo(RefusalReason.TIMER_NOT_ARMED);
    }

    @Test
    void whenTheTimerWinsTheTokenTakesTheTimersWayAndTheSubscriptionCloses() {
        InstanceState waiting = stateAfter(engine().apply(payment, null, new EngineCommand.Start(json("{'orderId': 'o-1'}")), CONTEXT));
        String subscription = waiting.tokens().get(0).subscriptions().get(0).id();
        String timer = waiting.tokens().get(0).timers().get(0).id();

        var outcome = engine().apply(payment, waiting, new EngineCommand.FireTimer(timer), at(NOW.plusSeconds(7 * 24 * 3600)));

        assertThat(history(outcome)).containsExactly("TimerFired tooLate", "NodeCompleted firstOf", "NodeEntered tooLate",
                "NodeCompleted tooLate", "NodeEntered remind", "TaskCreated remind");
        assertThat(advanced(outcome).effects()).containsExactlyInAnyOrder(new Effect.CancelTimer(timer),
                new Effect.CloseSubscription(subscription));
        assertThat(refusal(engine().apply(payment, stateAfter(outcome), new EngineCommand.CorrelateMessage(subscription,
                json("{}")), CONTEXT)).reason()).isEqualTo(RefusalReason.SUBSCRIPTION_NOT_OPEN);
    }
}
