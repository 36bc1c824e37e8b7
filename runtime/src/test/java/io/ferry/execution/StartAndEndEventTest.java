package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import org.junit.jupiter.api.Test;

class StartAndEndEventTest {

    @Test
    void passThroughNodesRunToTheEndAndCompleteTheInstance() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").task("check").manualTask("pack").end("end")
                .chain("start", "check", "pack", "end")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered check", "NodeCompleted check",
                "NodeEntered pack", "NodeCompleted pack",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
        InstanceState state = advanced(outcome).state();
        assertThat(state.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(state.tokens()).isEmpty();
        assertThat(state.variables()).isEqualTo(json("{'amount': 5}"));
        assertThat(advanced(outcome).events().get(0).data()).isEqualTo(json("{'amount': 5}"));
    }

    @Test
    void everyActivationGetsANewTokenIdThatIsNeverReused() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").task("check").end("end")
                .chain("start", "check", "end")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start t1", "NodeCompleted start t1",
                "NodeEntered check t2", "NodeCompleted check t2",
                "NodeEntered end t3", "NodeCompleted end t3",
                "InstanceCompleted");
        assertThat(advanced(outcome).state().lastIdNumber()).isEqualTo(3);
    }

    @Test
    void startsAtTheFirstStartEventInDocumentOrder() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("first").start("second").end("end")
                .chain("first", "end").chain("second", "end")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered first", "NodeCompleted first",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
    }

    @Test
    void aNodeWithoutOutgoingFlowsEndsItsToken() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").task("lastStep")
                .chain("start", "lastStep")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered lastStep", "NodeCompleted lastStep",
                "InstanceCompleted");
    }

    @Test
    void aTaskTakesItsUnconditionalFlowsAndItsTrueConditionalOnes() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").task("check").end("always").end("big").end("small")
                .chain("start", "check")
                .flow("check", "always")
                .flow("toBig", "check", "big", "amount > 100")
                .flow("toSmall", "check", "small", "amount <= 100")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(json("{'amount': 500}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered check", "NodeCompleted check",
                "NodeEntered always", "NodeCompleted always",
                "NodeEntered big", "NodeCompleted big",
                "InstanceCompleted");
    }

    @Test
    void aTaskTakesItsDefaultFlowWhenNoConditionHolds() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").task("check").end("big").end("usual")
                .chain("start", "check")
                .flow("toBig", "check", "big", "amount > 100")
                .defaultFlow("toUsual", "check", "usual")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered check", "NodeCompleted check",
                "NodeEntered usual", "NodeCompleted usual",
                "InstanceCompleted");
    }
}
