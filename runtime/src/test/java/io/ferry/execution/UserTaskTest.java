package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import org.junit.jupiter.api.Test;

class UserTaskTest {

    private final ExecutableProcess approval = ProcessBuilder.process("order")
            .start("start").userTask("approve").end("end")
            .chain("start", "approve", "end")
            .build();

    private final ExecutableProcess twoReviews = ProcessBuilder.process("order")
            .start("start").parallel("fork").userTask("review").userTask("sign")
            .chain("start", "fork")
            .flow("toFirst", "fork", "review", null)
            .flow("toSecond", "fork", "review", null)
            .flow("toSign", "fork", "sign", null)
            .build();

    @Test
    void aTokenArrivingAtAUserTaskWaitsThereAsTheTask() {
        // when
        Outcome outcome = engine().apply(approval, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start t1", "NodeCompleted start t1",
                "NodeEntered approve t2", "TaskCreated approve t2");
        InstanceState state = stateAfter(outcome);
        assertThat(state.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(state.tokens()).containsExactly(new Token("t2", "approve", null, TokenState.USER_TASK));
    }

    @Test
    void completingATaskByItsIdMergesTheVariablesAndMovesOn() {
        // given
        InstanceState waiting = stateAfter(engine().apply(approval, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));

        // when
        Outcome outcome = engine().apply(approval, waiting, new EngineCommand.CompleteTask("t2", json("{'approved': true}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted approve", "NodeCompleted approve",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
        assertThat(EngineTesting.advanced(outcome).events().get(0).data()).isEqualTo(json("{'approved': true}"));
        assertThat(stateAfter(outcome).variables()).isEqualTo(json("{'amount': 5, 'approved': true}"));
    }

    @Test
    void aTaskCanBeCompletedByItsNodeIdWhenItIsTheOnlyOneThere() {
        // given
        InstanceState waiting = stateAfter(engine().apply(approval, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(approval, waiting, new EngineCommand.CompleteTask("approve", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted approve", "NodeCompleted approve",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
    }

    @Test
    void aNodeIdWhereSeveralTasksWaitIsRefusedAsAmbiguous() {
        // given
        InstanceState waiting = stateAfter(engine().apply(twoReviews, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(twoReviews, waiting, new EngineCommand.CompleteTask("review", noVariables()), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.TASK_AMBIGUOUS,
                "instance i-1 has 2 open tasks at user task 'review' (t3, t4); complete one of them by its task id"));
    }

    @Test
    void anUnknownTaskIsRefusedListingTheOpenTasks() {
        // given
        InstanceState waiting = stateAfter(engine().apply(twoReviews, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(twoReviews, waiting, new EngineCommand.CompleteTask("t9", noVariables()), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.TASK_NOT_FOUND,
                "instance i-1 has no open task 't9'; open tasks: t3 at 'review', t4 at 'review', t5 at 'sign'."
                        + " Complete one of them by its task id, or by its user-task node id when only one task waits there"));
    }
}
