package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.historyWithTokens;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import org.junit.jupiter.api.Test;

class SubProcessTest {

    private final ExecutableProcess packing = ProcessBuilder.process("order")
            .start("start")
            .subProcess("packing", sub -> sub.start("packStart").userTask("pack").end("packEnd")
                    .chain("packStart", "pack", "packEnd"))
            .end("end")
            .chain("start", "packing", "end")
            .build();

    @Test
    void enteringASubProcessOpensAScopeAndStartsATokenInIt() {
        // when
        Outcome outcome = engine().apply(packing, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start t1", "NodeCompleted start t1",
                "NodeEntered packing t2",
                "NodeEntered packStart t4", "NodeCompleted packStart t4",
                "NodeEntered pack t5", "TaskCreated pack t5");
        InstanceState state = stateAfter(outcome);
        assertThat(state.scopes()).containsExactly(new Scope("s3", "packing", null));
        assertThat(state.tokens()).containsExactly(new Token("t5", "pack", "s3", TokenState.USER_TASK));
    }

    @Test
    void aSubProcessCompletesWhenNothingRunsInItAnyMoreAndIsLeft() {
        // given
        InstanceState packingStarted = stateAfter(engine().apply(packing, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(packing, packingStarted, new EngineCommand.CompleteTask("pack", noVariables()), CONTEXT);

        // then
        assertThat(historyWithTokens(outcome)).containsExactly(
                "TaskCompleted pack t5", "NodeCompleted pack t5",
                "NodeEntered packEnd t6", "NodeCompleted packEnd t6",
                "NodeCompleted packing s3",
                "NodeEntered end t7", "NodeCompleted end t7",
                "InstanceCompleted");
        assertThat(stateAfter(outcome).scopes()).isEmpty();
    }

    @Test
    void aNestedSubProcessCompletesBeforeTheOneAroundIt() {
        // given
        ExecutableProcess nested = ProcessBuilder.process("order")
                .start("start")
                .subProcess("outer", outer -> outer.start("outerStart")
                        .subProcess("inner", inner -> inner.start("innerStart").task("work")
                                .chain("innerStart", "work"))
                        .chain("outerStart", "inner"))
                .end("end")
                .chain("start", "outer", "end")
                .build();

        // when
        Outcome outcome = engine().apply(nested, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered outer",
                "NodeEntered outerStart", "NodeCompleted outerStart",
                "NodeEntered inner",
                "NodeEntered innerStart", "NodeCompleted innerStart",
                "NodeEntered work", "NodeCompleted work",
                "NodeCompleted inner",
                "NodeCompleted outer",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
    }
}
