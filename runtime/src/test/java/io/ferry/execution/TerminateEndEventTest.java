package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminateEndEventTest {

    @Test
    void atProcessLevelItEndsTheWholeInstance() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").parallel("fork").userTask("wait")
                .subProcess("packing", sub -> sub.start("packStart").userTask("pack").chain("packStart", "pack"))
                .terminateEnd("abort")
                .chain("start", "fork")
                .chain("fork", "wait").chain("fork", "packing").chain("fork", "abort")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered fork", "NodeCompleted fork",
                "NodeEntered wait", "TaskCreated wait",
                "NodeEntered packing",
                "NodeEntered abort", "NodeCompleted abort",
                "NodeTerminated wait", "NodeTerminated packing",
                "InstanceCompleted");
        List<EngineEvent> events = advanced(outcome).events();
        assertThat(events.get(events.size() - 1).data()).isEqualTo(json("{'terminatedBy': 'abort'}"));
        InstanceState state = stateAfter(outcome);
        assertThat(state.status()).isEqualTo(InstanceStatus.COMPLETED);
        assertThat(state.tokens()).isEmpty();
        assertThat(state.scopes()).isEmpty();
    }

    @Test
    void insideASubProcessItEndsOnlyThatScopeAndTheSubProcessCompletes() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").parallel("fork").userTask("invoice")
                .subProcess("packing", sub -> sub.start("packStart").parallel("packFork").userTask("pack")
                        .terminateEnd("outOfStock")
                        .chain("packStart", "packFork")
                        .chain("packFork", "pack").chain("packFork", "outOfStock"))
                .end("packed")
                .chain("start", "fork")
                .chain("fork", "invoice").chain("fork", "packing", "packed")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered fork", "NodeCompleted fork",
                "NodeEntered invoice", "TaskCreated invoice",
                "NodeEntered packing",
                "NodeEntered packStart", "NodeCompleted packStart",
                "NodeEntered packFork", "NodeCompleted packFork",
                "NodeEntered pack", "TaskCreated pack",
                "NodeEntered outOfStock", "NodeCompleted outOfStock",
                "NodeTerminated pack",
                "NodeCompleted packing",
                "NodeEntered packed", "NodeCompleted packed");
        InstanceState state = stateAfter(outcome);
        assertThat(state.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(state.scopes()).isEmpty();
        assertThat(state.tokens()).containsExactly(new Token("t3", "invoice", null, TokenState.USER_TASK));
    }

    @Test
    void insideASubProcessItAlsoEndsTheSubProcessesNestedInIt() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start")
                .subProcess("packing", sub -> sub.start("packStart").parallel("packFork")
                        .subProcess("wrapping", wrapping -> wrapping.start("wrapStart").userTask("wrap")
                                .chain("wrapStart", "wrap"))
                        .terminateEnd("outOfStock")
                        .chain("packStart", "packFork")
                        .chain("packFork", "wrapping").chain("packFork", "outOfStock"))
                .end("packed")
                .chain("start", "packing", "packed")
                .build();

        // when
        Outcome outcome = engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered packing",
                "NodeEntered packStart", "NodeCompleted packStart",
                "NodeEntered packFork", "NodeCompleted packFork",
                "NodeEntered wrapping",
                "NodeEntered outOfStock", "NodeCompleted outOfStock",
                "NodeTerminated wrapping",
                "NodeCompleted packing",
                "NodeEntered packed", "NodeCompleted packed",
                "InstanceCompleted");
        assertThat(stateAfter(outcome).scopes()).isEmpty();
    }
}
