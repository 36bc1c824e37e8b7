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
import io.ferry.state.InstanceStatus;
import io.ferry.state.Job;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A service task is a job: the engine creates it and waits; a worker's report completes it or counts
 * a failed attempt; an operator retries or resolves an incident. Each step is given/when/then over
 * the exact history and effects.
 */
class JobTest {

    private final ProcessEngine engine = new ProcessEngine(new JobPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(3)),
            ProcessEngine.DEFAULT_STEP_LIMIT);

    private final ExecutableProcess payment = ProcessBuilder.process("order")
            .start("start").userTask("approve").serviceTask("charge", "charge-card").end("end")
            .chain("start", "approve", "charge", "end")
            .build();

    @Test
    void reachingAServiceTaskCreatesAJobDueNowAndTheTokenWaitsForIt() {
        // given
        InstanceState approving = stateAfter(engine.apply(payment, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));

        // when
        Outcome outcome = engine.apply(payment, approving, new EngineCommand.CompleteTask("approve", json("{}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted approve", "NodeCompleted approve", "NodeEntered charge", "JobCreated charge");
        assertThat(advanced(outcome).events().get(3).data()).isEqualTo(json("{'handler': 'charge-card', 'attempts': 3}"));
        assertThat(stateAfter(outcome).tokens()).containsExactly(
                new Token("t3", "charge", null, TokenState.JOB, java.util.List.of(), Job.dueAt(NOW)));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.ScheduleJob("t3", NOW));
    }

    @Test
    void aJobIsNoTaskAClientCanComplete() {
        // given
        InstanceState charging = charging();

        // when
        Refusal refusal = refusal(engine.apply(payment, charging, new EngineCommand.CompleteTask("charge", json("{}")), CONTEXT));

        // then
        assertThat(refusal.reason()).isEqualTo(RefusalReason.TASK_NOT_FOUND);
    }

    @Test
    void theHandlersOutputIsMergedAndTheTokenMovesOn() {
        // given
        InstanceState charging = charging();

        // when
        Outcome outcome = engine.apply(payment, charging,
                new EngineCommand.CompleteJob("t3", json("{'receipt': {'number': 42}}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "ServiceTaskCompleted charge", "NodeCompleted charge", "NodeEntered end", "NodeCompleted end", "InstanceCompleted");
        assertThat(stateAfter(outcome).variables()).isEqualTo(json("{'amount': 5, 'receipt': {'number': 42}}"));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CancelJob("t3"));
    }

    @Test
    void aHandlerFailingTwiceThenSucceedingIsRetriedAfterADoublingBackOffAndCompletesOnce() {
        // given
        InstanceState charging = charging();

        // when
        Outcome first = engine.apply(payment, charging, new EngineCommand.FailJob("t3", "timeout"), CONTEXT);
        Instant secondAttempt = NOW.plusSeconds(1);
        Outcome second = engine.apply(payment, stateAfter(first), new EngineCommand.FailJob("t3", "timeout again"), at(secondAttempt));
        Instant thirdAttempt = secondAttempt.plusSeconds(2);
        Outcome completed = engine.apply(payment, stateAfter(second), new EngineCommand.CompleteJob("t3", json("{}")), at(thirdAttempt));

        // then
        assertThat(history(first)).containsExactly("JobFailed charge");
        assertThat(advanced(first).events().get(0).data())
                .isEqualTo(json("{'attempt': 1, 'error': 'timeout', 'nextAttemptAt': '2027-01-04T09:00:01Z'}"));
        assertThat(advanced(first).effects()).containsExactly(new Effect.ScheduleJob("t3", secondAttempt));
        assertThat(advanced(second).effects()).containsExactly(new Effect.ScheduleJob("t3", thirdAttempt));
        assertThat(stateAfter(second).tokens().get(0).job()).isEqualTo(new Job(2, 0, thirdAttempt, "timeout again", false));
        assertThat(history(completed)).containsExactly(
                "ServiceTaskCompleted charge", "NodeCompleted charge", "NodeEntered end", "NodeCompleted end", "InstanceCompleted");
        assertThat(stateAfter(completed).status()).isEqualTo(InstanceStatus.COMPLETED);
    }

    @Test
    void theBackOffNeverExceedsItsCeiling() {
        ExecutableProcess patient = ProcessBuilder.process("order")
                .start("start").serviceTask("charge", "charge-card", 6, "PT1S").end("end")
                .chain("start", "charge", "end").build();
        InstanceState state = stateAfter(engine.apply(patient, null, new EngineCommand.Start(json("{}")), CONTEXT));
        java.util.List<Instant> dues = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            state = stateAfter(engine.apply(patient, state, new EngineCommand.FailJob("t2", "down"), CONTEXT));
            dues.add(state.tokens().get(0).job().dueAt());
        }

        assertThat(dues).containsExactly(NOW.plusSeconds(1), NOW.plusSeconds(2), NOW.plusSeconds(3), NOW.plusSeconds(3),
                NOW.plusSeconds(3));
    }

    @Test
    void retriesExhaustedOpenAnIncidentThatOnlyAnOperatorMovesOn() {
        // given: the third failure uses up the three attempts
        InstanceState state = charging();
        state = stateAfter(engine.apply(payment, state, new EngineCommand.FailJob("t3", "down"), CONTEXT));
        state = stateAfter(engine.apply(payment, state, new EngineCommand.FailJob("t3", "down"), CONTEXT));

        // when
        Outcome exhausted = engine.apply(payment, state, new EngineCommand.FailJob("t3", "card service down"), CONTEXT);

        // then
        assertThat(advanced(exhausted).events().get(0).data())
                .isEqualTo(json("{'attempt': 3, 'error': 'card service down', 'incident': true}"));
        assertThat(advanced(exhausted).effects()).containsExactly(
                new Effect.CancelJob("t3"), new Effect.OpenIncident("t3", "charge", "card service down", 3));
        InstanceState incident = stateAfter(exhausted);
        assertThat(incident.tokens().get(0).job()).isEqualTo(new Job(3, 0, null, "card service down", true));
        assertThat(refusal(engine.apply(payment, incident, new EngineCommand.CompleteJob("t3", json("{}")), CONTEXT)).reason())
                .isEqualTo(RefusalReason.JOB_HAS_INCIDENT);
    }

    @Test
    void aRetriedIncidentIsDueAtOnceWithTheAttemptsGrantedThenCompletes() {
        // given
        InstanceState incident = incident();
        Instant later = NOW.plusSeconds(3600);

        // when
        Outcome retried = engine.apply(payment, incident, new EngineCommand.RetryJob("t3", 2), at(later));
        Outcome failedOnce = engine.apply(payment, stateAfter(retried), new EngineCommand.FailJob("t3", "still down"), at(later));
        Outcome completed = engine.apply(payment, stateAfter(failedOnce), new EngineCommand.CompleteJob("t3", json("{}")), at(later));

        // then
        assertThat(history(retried)).containsExactly("JobRetried charge");
        assertThat(advanced(retried).effects()).containsExactly(new Effect.CloseIncident("t3"), new Effect.ScheduleJob("t3", later));
        assertThat(stateAfter(retried).tokens().get(0).job()).isEqualTo(new Job(3, 2, later, "card service down", false));
        assertThat(advanced(failedOnce).effects()).containsExactly(new Effect.ScheduleJob("t3", later.plusSeconds(3)));
        assertThat(stateAfter(completed).status()).isEqualTo(InstanceStatus.COMPLETED);
    }

    @Test
    void aResolvedIncidentCompletesTheTaskWithTheOperatorsVariables() {
        // given
        InstanceState incident = incident();

        // when
        Outcome resolved = engine.apply(payment, incident,
                new EngineCommand.ResolveIncident("t3", json("{'receipt': 'paid by phone'}")), CONTEXT);

        // then
        assertThat(history(resolved)).containsExactly(
                "IncidentResolved charge", "NodeCompleted charge", "NodeEntered end", "NodeCompleted end", "InstanceCompleted");
        assertThat(stateAfter(resolved).variables()).isEqualTo(json("{'amount': 5, 'receipt': 'paid by phone'}"));
        assertThat(advanced(resolved).effects()).containsExactly(new Effect.CloseIncident("t3"));
    }

    @Test
    void onlyAnIncidentCanBeRetriedOrResolved() {
        assertThat(refusal(engine.apply(payment, charging(), new EngineCommand.RetryJob("t3", 1), CONTEXT)).reason())
                .isEqualTo(RefusalReason.JOB_HAS_NO_INCIDENT);
        assertThat(refusal(engine.apply(payment, charging(), new EngineCommand.ResolveIncident("t9", json("{}")), CONTEXT)))
                .isEqualTo(new Refusal(RefusalReason.JOB_NOT_FOUND,
                        "instance i-1 has no job 't9'; it completed already, or its token moved on"));
    }

    @Test
    void cancellingTheInstanceDropsItsJobAndClosesItsIncident() {
        assertThat(advanced(engine.apply(payment, charging(), new EngineCommand.Cancel(), CONTEXT)).effects())
                .containsExactly(new Effect.CancelJob("t3"));
        assertThat(advanced(engine.apply(payment, incident(), new EngineCommand.Cancel(), CONTEXT)).effects())
                .containsExactly(new Effect.CloseIncident("t3"));
    }

    @Test
    void anInterruptingBoundaryTimerOnAServiceTaskDropsItsJob() {
        // given
        ExecutableProcess guarded = ProcessBuilder.process("order")
                .start("start").serviceTask("charge", "charge-card").end("end")
                .boundaryTimer("tooSlow", "charge", true, TimerDefinition.Type.DURATION, "PT1H").end("gaveUp")
                .chain("start", "charge", "end").flow("tooSlow", "gaveUp")
                .build();
        InstanceState charging = stateAfter(engine.apply(guarded, null, new EngineCommand.Start(json("{}")), CONTEXT));
        String timerId = charging.tokens().get(0).timers().get(0).id();

        // when
        Outcome fired = engine.apply(guarded, charging, new EngineCommand.FireTimer(timerId), at(NOW.plusSeconds(3600)));

        // then
        assertThat(history(fired)).containsExactly("TimerFired tooSlow", "NodeTerminated charge", "NodeEntered tooSlow",
                "NodeCompleted tooSlow", "NodeEntered gaveUp", "NodeCompleted gaveUp", "InstanceCompleted");
        assertThat(advanced(fired).effects()).containsExactly(new Effect.CancelTimer(timerId), new Effect.CancelJob("t2"));
    }

    @Test
    void aTaskWithOneAttemptHasAnIncidentAtItsFirstFailure() {
        ExecutableProcess once = ProcessBuilder.process("order")
                .start("start").serviceTask("charge", "charge-card", 1, "PT1S").end("end")
                .chain("start", "charge", "end").build();
        InstanceState charging = stateAfter(engine().apply(once, null, new EngineCommand.Start(json("{}")), CONTEXT));

        Outcome failed = engine().apply(once, charging, new EngineCommand.FailJob("t2", "no"), CONTEXT);

        assertThat(stateAfter(failed).tokens().get(0).job().incident()).isTrue();
    }

    private InstanceState charging() {
        InstanceState approving = stateAfter(engine.apply(payment, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));
        return stateAfter(engine.apply(payment, approving, new EngineCommand.CompleteTask("approve", json("{}")), CONTEXT));
    }

    private InstanceState incident() {
        InstanceState state = charging();
        for (String error : new String[] {"down", "down", "card service down"}) {
            state = stateAfter(engine.apply(payment, state, new EngineCommand.FailJob("t3", error), CONTEXT));
        }
        return state;
    }

    /**
     * A milestone is passed; a message throw event waits for its job like a service task; a message end event ends
     * its token (and here the instance) only once its job has sent the message.
     */
    @Test
    void messageThrowAndEndEventsWaitForTheirJobsAndAMilestoneIsPassed() {
        ExecutableProcess notifying = ProcessBuilder.process("order")
                .start("start").milestone("accepted").job("announce", io.ferry.definition.NodeKind.MESSAGE_THROW_EVENT, "mail")
                .job("reply", io.ferry.definition.NodeKind.MESSAGE_END_EVENT, "reply")
                .chain("start", "accepted", "announce", "reply")
                .build();

        // given
        Outcome started = engine.apply(notifying, null, new EngineCommand.Start(json("{}")), CONTEXT);

        // when
        Outcome announced = engine.apply(notifying, stateAfter(started), new EngineCommand.CompleteJob("t3", json("{'sent': 1}")), CONTEXT);
        Outcome replied = engine.apply(notifying, stateAfter(announced), new EngineCommand.CompleteJob("t4", json("{}")), CONTEXT);

        // then
        assertThat(history(started)).containsExactly("InstanceStarted", "NodeEntered start", "NodeCompleted start",
                "NodeEntered accepted", "NodeCompleted accepted", "NodeEntered announce", "JobCreated announce");
        assertThat(history(announced)).containsExactly("ServiceTaskCompleted announce", "NodeCompleted announce",
                "NodeEntered reply", "JobCreated reply");
        assertThat(stateAfter(announced).tokens()).containsExactly(
                new Token("t4", "reply", null, TokenState.JOB, java.util.List.of(), Job.dueAt(NOW)));
        assertThat(history(replied)).containsExactly("ServiceTaskCompleted reply", "NodeCompleted reply", "InstanceCompleted");
        assertThat(stateAfter(replied).status()).isEqualTo(InstanceStatus.COMPLETED);
    }
}
