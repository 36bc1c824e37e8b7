package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.NOW;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.at;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.TimerDefinition.Type;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Scope;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timer and message boundary events on an embedded sub-process: the token that reached it rests there with
 * their timers and subscriptions while the scope runs. An interrupting one ends the scope with everything
 * inside it; a non-interrupting one branches off while the scope goes on; the sub-process completing, or
 * an error leaving it, ends them.
 */
class SubProcessBoundaryTest {

    private final ExecutableProcess shipping = ProcessBuilder.process("order")
            .start("start")
            .subProcess("fulfil", sub -> sub.start("fulfilStart").userTask("pick").userTask("pack").end("fulfilEnd")
                    .chain("fulfilStart", "pick", "pack", "fulfilEnd"))
            .end("shipped")
            .boundaryTimer("slaMissed", "fulfil", true, Type.DURATION, "P2D").userTask("apologise")
            .boundaryMessage("addressChanged", "fulfil", false, "AddressChanged", "orderId").userTask("relabel")
            .chain("start", "fulfil", "shipped")
            .flow("slaMissed", "apologise")
            .flow("addressChanged", "relabel")
            .build();

    private InstanceState picking() {
        return stateAfter(engine().apply(shipping, null, new EngineCommand.Start(json("{'orderId': 'o-1'}")), CONTEXT));
    }

    @Test
    void theTokenRestsAtTheSubProcessWithItsBoundaryEventsWhileTheScopeRuns() {
        // when
        Outcome outcome = engine().apply(shipping, null, new EngineCommand.Start(json("{'orderId': 'o-1'}")), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start t1", "NodeCompleted start t1",
                "NodeEntered fulfil t2", "TimerScheduled slaMissed t2", "MessageSubscribed addressChanged t2",
                "NodeEntered fulfilStart t6", "NodeCompleted fulfilStart t6",
                "NodeEntered pick t7", "TaskCreated pick t7");
        InstanceState state = stateAfter(outcome);
        assertThat(state.scopes()).containsExactly(new Scope("s5", "fulfil", null, "t2"));
        assertThat(state.tokens()).containsExactly(
                new Token("t2", "fulfil", null, TokenState.SCOPE,
                        List.of(new Timer("timer3", "slaMissed", NOW, NOW.plus(Duration.ofDays(2)), 0)), null,
                        List.of(new Subscription("sub4", "addressChanged", "AddressChanged", "o-1"))),
                new Token("t7", "pick", "s5", TokenState.USER_TASK));
    }

    @Test
    void anInterruptingTimerEndsTheSubProcessWithEverythingInsideIt() {
        // given
        InstanceState picking = picking();

        // when
        Outcome outcome = engine().apply(shipping, picking, new EngineCommand.FireTimer("timer3"), at(NOW.plus(Duration.ofDays(2))));

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "TimerFired slaMissed t2", "NodeTerminated pick t7", "NodeTerminated fulfil t2",
                "NodeEntered slaMissed t8", "NodeCompleted slaMissed t8",
                "NodeEntered apologise t9", "TaskCreated apologise t9");
        InstanceState state = stateAfter(outcome);
        assertThat(state.scopes()).isEmpty();
        assertThat(state.tokens()).containsExactly(new Token("t9", "apologise", null, TokenState.USER_TASK));
        assertThat(advanced(outcome).effects()).containsExactlyInAnyOrder(
                new Effect.CancelTimer("timer3"), new Effect.CloseSubscription("sub4"));
    }

    @Test
    void aNonInterruptingMessageBranchesOffWhileTheSubProcessGoesOn() {
        // given
        InstanceState picking = picking();

        // when
        Outcome outcome = engine().apply(shipping, picking,
                new EngineCommand.CorrelateMessage("sub4", json("{'address': 'Elm St 1'}")), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "MessageCorrelated addressChanged t2",
                "NodeEntered addressChanged t8", "NodeCompleted addressChanged t8",
                "NodeEntered relabel t9", "TaskCreated relabel t9");
        InstanceState state = stateAfter(outcome);
        assertThat(state.scopes()).containsExactly(new Scope("s5", "fulfil", null, "t2"));
        assertThat(state.tokens()).extracting(Token::nodeId).containsExactly("fulfil", "pick", "relabel");
        assertThat(state.tokens().get(0).subscriptions()).extracting(Subscription::id).containsExactly("sub4");
    }

    @Test
    void completingTheSubProcessEndsItsBoundaryTimersAndSubscriptions() {
        // given
        InstanceState picked = stateAfter(engine().apply(shipping, picking(), new EngineCommand.CompleteTask("pick", noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(shipping, picked, new EngineCommand.CompleteTask("pack", noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "TaskCompleted pack t8", "NodeCompleted pack t8",
                "NodeEntered fulfilEnd t9", "NodeCompleted fulfilEnd t9",
                "NodeCompleted fulfil s5",
                "NodeEntered shipped t10", "NodeCompleted shipped t10",
                "InstanceCompleted");
        assertThat(stateAfter(outcome).tokens()).isEmpty();
        assertThat(advanced(outcome).effects()).containsExactlyInAnyOrder(
                new Effect.CancelTimer("timer3"), new Effect.CloseSubscription("sub4"));
    }

    @Test
    void anErrorCaughtAtTheSubProcessEndsItsBoundaryTimersToo() {
        ExecutableProcess failing = ProcessBuilder.process("order")
                .start("start")
                .subProcess("fulfil", sub -> sub.start("fulfilStart").userTask("pick").errorEnd("outOfStock", "OUT_OF_STOCK")
                        .chain("fulfilStart", "pick", "outOfStock"))
                .end("shipped")
                .boundaryTimer("slaMissed", "fulfil", true, Type.DURATION, "P2D").userTask("apologise")
                .boundaryError("noStock", "fulfil", "OUT_OF_STOCK").userTask("refund")
                .chain("start", "fulfil", "shipped")
                .flow("slaMissed", "apologise")
                .flow("noStock", "refund")
                .build();
        // given
        InstanceState picking = stateAfter(engine().apply(failing, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(failing, picking, new EngineCommand.CompleteTask("pick", noVariables()), CONTEXT);

        // then
        InstanceState state = stateAfter(outcome);
        assertThat(state.scopes()).isEmpty();
        assertThat(state.tokens()).extracting(Token::nodeId).containsExactly("refund");
        assertThat(advanced(outcome).effects()).contains(new Effect.CancelTimer("timer3"));
    }
}
