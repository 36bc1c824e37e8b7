package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import org.junit.jupiter.api.Test;

class ParallelGatewayTest {

    private final ExecutableProcess review = ProcessBuilder.process("order")
            .start("start").parallel("fork").userTask("legal").userTask("finance").parallel("join").end("end")
            .chain("start", "fork")
            .chain("fork", "legal", "join")
            .chain("fork", "finance", "join")
            .chain("join", "end")
            .build();

    @Test
    void aForkSendsATokenAlongEveryOutgoingFlow() {
        // when
        Outcome outcome = engine().apply(review, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered fork", "NodeCompleted fork",
                "NodeEntered legal", "TaskCreated legal",
                "NodeEntered finance", "TaskCreated finance");
    }

    @Test
    void aJoinKeepsTheFirstTokenWaitingForTheOtherBranch() {
        // given
        InstanceState forked = stateAfter(engine().apply(review, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(review, forked, new EngineCommand.CompleteTask("legal", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted legal", "NodeCompleted legal",
                "NodeEntered join");
        assertThat(stateAfter(outcome).tokens()).containsExactly(
                new Token("t4", "finance", null, TokenState.USER_TASK),
                new Token("t5", "join", null, TokenState.JOINING));
    }

    @Test
    void aJoinLetsOneTokenGoOnOnceATokenArrivedForEveryIncomingFlow() {
        // given
        InstanceState forked = stateAfter(engine().apply(review, null, new EngineCommand.Start(noVariables()), CONTEXT));
        InstanceState halfJoined = stateAfter(engine().apply(review, forked, new EngineCommand.CompleteTask("legal", noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(review, halfJoined, new EngineCommand.CompleteTask("finance", noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "TaskCompleted finance t4", "NodeCompleted finance t4",
                "NodeEntered join t6", "NodeCompleted join t6",
                "NodeEntered end t7", "NodeCompleted end t7",
                "InstanceCompleted");
        assertThat(advanced(outcome).events().get(3).data()).isEqualTo(json("{'joinedTokens': ['t5', 't6']}"));
    }
}
