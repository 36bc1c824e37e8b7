package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.NOW;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.at;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.TimerDefinition.Type;
import io.ferry.state.InstanceState;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timer boundary events on user tasks: interrupting ones end the task, non-interrupting ones branch off. */
class BoundaryTimerTest {

    private final ExecutableProcess escalation = ProcessBuilder.process("claim")
            .start("start").userTask("review").end("done")
            .boundaryTimer("tooLate", "review", true, Type.DURATION, "P3D").userTask("escalate")
            .chain("start", "review", "done")
            .flow("tooLate", "escalate")
            .build();

    private final ExecutableProcess reminders = ProcessBuilder.process("claim")
            .start("start").userTask("review").end("done")
            .boundaryTimer("remind", "review", false, Type.CYCLE, "R3/PT1H").task("sendReminder").end("reminded")
            .chain("start", "review", "done")
            .chain("remind", "sendReminder", "reminded")
            .build();

    @Test
    void aTaskWaitsWithTheTimersOfItsBoundaryEventsArmed() {
        // when
        Outcome outcome = engine().apply(escalation, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).endsWith("NodeEntered review t2", "TaskCreated review t2", "TimerScheduled tooLate t2");
        assertThat(stateAfter(outcome).tokens()).containsExactly(new Token("t2", "review", null, TokenState.USER_TASK,
                List.of(new Timer("timer3", "tooLate", NOW, NOW.plus(Duration.ofDays(3)), 0))));
    }

    @Test
    void anInterruptingTimerEndsTheTaskAndLeavesFromTheBoundaryEvent() {
        // given
        InstanceState waiting = stateAfter(engine().apply(escalation, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(escalation, waiting, new EngineCommand.FireTimer("timer3"), at(NOW.plus(Duration.ofDays(3))));

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "TimerFired tooLate t2", "NodeTerminated review t2",
                "NodeEntered tooLate t4", "NodeCompleted tooLate t4",
                "NodeEntered escalate t5", "TaskCreated escalate t5");
        assertThat(stateAfter(outcome).tokens()).containsExactly(new Token("t5", "escalate", null, TokenState.USER_TASK));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CancelTimer("timer3"));
    }

    @Test
    void completingTheTaskDropsItsBoundaryTimers() {
        // given
        InstanceState waiting = stateAfter(engine().apply(escalation, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(escalation, waiting, new EngineCommand.CompleteTask("t2", noVariables()), CONTEXT);

        // then
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CancelTimer("timer3"));
        assertThat(refusal(engine().apply(escalation, stateAfter(outcome), new EngineCommand.FireTimer("timer3"),
                at(NOW.plus(Duration.ofDays(3))))).reason()).isEqualTo(RefusalReason.INSTANCE_NOT_ACTIVE);
    }

    @Test
    void aNonInterruptingCycleFiresThreeTimesWhileTheTaskWaits() {
        // given
        InstanceState state = stateAfter(engine().apply(reminders, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when: the clock moves hour by hour and the timer fires each time it is due
        for (int hour = 1; hour <= 3; hour++) {
            Instant due = NOW.plus(Duration.ofHours(hour));
            Outcome fired = engine().apply(reminders, state, new EngineCommand.FireTimer("timer3"), at(due));
            assertThat(historyWithTokens(fired)).as("firing %d", hour).startsWith("TimerFired remind t2")
                    .contains("NodeCompleted sendReminder t" + (2 + 3 * hour));
            Effect expected = hour < 3 ? new Effect.ScheduleTimer("timer3", due.plus(Duration.ofHours(1)))
                    : new Effect.CancelTimer("timer3");
            assertThat(advanced(fired).effects()).as("firing %d", hour).containsExactly(expected);
            state = stateAfter(fired);
        }

        // then: the task still waits, without a timer
        assertThat(state.tokens()).containsExactly(new Token("t2", "review", null, TokenState.USER_TASK));
        assertThat(refusal(engine().apply(reminders, state, new EngineCommand.FireTimer("timer3"),
                at(NOW.plus(Duration.ofHours(4))))).reason()).isEqualTo(RefusalReason.TIMER_NOT_ARMED);
    }

    @Test
    void aTaskTokenIsNeverCompletedByItsTimerAndATimerTokenIsNotATask() {
        // given
        ExecutableProcess waitThenReview = ProcessBuilder.process("claim")
                .start("start").timer("wait", Type.DURATION, "PT1H").userTask("review").end("done")
                .chain("start", "wait", "review", "done")
                .build();
        InstanceState waiting = stateAfter(engine().apply(waitThenReview, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(waitThenReview, waiting, new EngineCommand.CompleteTask("wait", noVariables()), CONTEXT);

        // then
        assertThat(refusal(outcome).reason()).isEqualTo(RefusalReason.TASK_NOT_FOUND);
    }
}
