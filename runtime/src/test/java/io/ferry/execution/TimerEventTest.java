package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.NOW;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.at;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.TimerDefinition.Type;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timer catch events: the token waits with its timer armed, and leaves when the timer fires. */
class TimerEventTest {

    private final ExecutableProcess coolingOff = ProcessBuilder.process("order")
            .start("start").timer("coolingOff", Type.DURATION, "PT15M").end("end")
            .chain("start", "coolingOff", "end")
            .build();

    @Test
    void aTokenWaitsAtATimerCatchEventWithItsTimerArmedFromTheOperationsMoment() {
        // when
        Outcome outcome = engine().apply(coolingOff, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start t1", "NodeCompleted start t1",
                "NodeEntered coolingOff t2", "TimerScheduled coolingOff t2");
        Timer timer = new Timer("timer3", "coolingOff", NOW, NOW.plus(Duration.ofMinutes(15)), 0);
        assertThat(stateAfter(outcome).tokens())
                .containsExactly(new Token("t2", "coolingOff", null, TokenState.TIMER, List.of(timer)));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.ScheduleTimer("timer3", timer.dueAt()));
        assertThat(advanced(outcome).events().get(4).data()).isEqualTo(json("{'timerId': 'timer3', 'dueAt': '2027-01-04T09:15:00Z'}"));
    }

    @Test
    void whenTheTimerFiresTheTokenLeavesAndTheTimerIsDropped() {
        // given
        InstanceState waiting = stateAfter(engine().apply(coolingOff, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(coolingOff, waiting, new EngineCommand.FireTimer("timer3"),
                at(NOW.plus(Duration.ofMinutes(15))));

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "TimerFired coolingOff t2", "NodeCompleted coolingOff t2",
                "NodeEntered end t4", "NodeCompleted end t4",
                "InstanceCompleted");
        assertThat(stateAfter(outcome).status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CancelTimer("timer3"));
    }

    @Test
    void aTimerIsNotFiredBeforeItIsDue() {
        // given
        InstanceState waiting = stateAfter(engine().apply(coolingOff, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome early = engine().apply(coolingOff, waiting, new EngineCommand.FireTimer("timer3"),
                at(NOW.plus(Duration.ofMinutes(14))));

        // then
        assertThat(refusal(early).reason()).isEqualTo(RefusalReason.TIMER_NOT_DUE);
        assertThat(refusal(early).message()).isEqualTo(
                "timer 'timer3' of instance i-1 is due at 2027-01-04T09:15:00Z, not yet at 2027-01-04T09:14:00Z");
    }

    @Test
    void aTimerThatFiredAlreadyDoesNotFireTwice() {
        // given
        InstanceState waiting = stateAfter(engine().apply(coolingOff, null, new EngineCommand.Start(noVariables()), CONTEXT));
        Instant due = NOW.plus(Duration.ofMinutes(15));
        InstanceState fired = stateAfter(engine().apply(coolingOff, waiting, new EngineCommand.FireTimer("timer3"), at(due)));

        // when: a second pod fires the same timer after its lease ran out
        Outcome again = engine().apply(coolingOff, fired, new EngineCommand.FireTimer("timer3"), at(due));

        // then
        assertThat(refusal(again).reason()).isEqualTo(RefusalReason.INSTANCE_NOT_ACTIVE);
    }

    @Test
    void aTimerCanTakeItsDurationFromAVariable() {
        // given
        ExecutableProcess reminder = ProcessBuilder.process("order")
                .start("start").timer("wait", Type.DURATION, "${delay}").end("end")
                .chain("start", "wait", "end")
                .build();

        // when
        Outcome outcome = engine().apply(reminder, null, new EngineCommand.Start(json("{'delay': 'P2D'}")), CONTEXT);

        // then
        assertThat(stateAfter(outcome).tokens().get(0).timers().get(0).dueAt()).isEqualTo(Instant.parse("2027-01-06T09:00:00Z"));
    }

    @Test
    void aTimerVariableThatHoldsNoDurationRefusesTheOperation() {
        // given
        ExecutableProcess reminder = ProcessBuilder.process("order")
                .start("start").timer("wait", Type.DURATION, "${delay}").end("end")
                .chain("start", "wait", "end")
                .build();

        // when
        Outcome outcome = engine().apply(reminder, null, new EngineCommand.Start(json("{'delay': 'two days'}")), CONTEXT);

        // then
        assertThat(refusal(outcome).reason()).isEqualTo(RefusalReason.TIMER_INVALID);
        assertThat(refusal(outcome).message()).isEqualTo("the timer of 'wait' takes its timeDuration from variable 'delay', "
                + "which holds \"two days\": 'two days' is not an ISO 8601 duration, e.g. PT15M or P2D (expected an ISO 8601 "
                + "duration, e.g. PT15M or P2D); set the variable to a valid value with PATCH /instances/i-1/variables or in "
                + "the request");
    }

    @Test
    void aTimerDateInThePastIsDueAtOnce() {
        // given
        ExecutableProcess deadline = ProcessBuilder.process("order")
                .start("start").timer("deadline", Type.DATE, "2027-01-01T00:00:00Z").end("end")
                .chain("start", "deadline", "end")
                .build();
        InstanceState waiting = stateAfter(engine().apply(deadline, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(deadline, waiting, new EngineCommand.FireTimer("timer3"), CONTEXT);

        // then
        assertThat(stateAfter(outcome).status()).isEqualTo(InstanceStatus.COMPLETED);
    }
}
