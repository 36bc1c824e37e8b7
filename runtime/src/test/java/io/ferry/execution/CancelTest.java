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
import org.junit.jupiter.api.Test;

class CancelTest {

    @Test
    void cancellingRemovesEveryTokenAndScopeAndNamesTheActiveNodes() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").parallel("fork").userTask("invoice")
                .subProcess("packing", sub -> sub.start("packStart").userTask("pack").chain("packStart", "pack"))
                .chain("start", "fork")
                .chain("fork", "packing").chain("fork", "invoice")
                .build();
        InstanceState running = stateAfter(engine().apply(process, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));

        // when
        Outcome outcome = engine().apply(process, running, new EngineCommand.Cancel(), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly("NodeTerminated invoice", "NodeTerminated pack", "NodeTerminated packing",
                "InstanceCancelled");
        assertThat(advanced(outcome).events().get(3).data())
                .isEqualTo(json("{'activeNodes': ['invoice', 'packing', 'pack']}"));
        InstanceState state = stateAfter(outcome);
        assertThat(state.status()).isEqualTo(InstanceStatus.CANCELLED);
        assertThat(state.tokens()).isEmpty();
        assertThat(state.scopes()).isEmpty();
        assertThat(state.variables()).isEqualTo(json("{'amount': 5}"));
    }

    @Test
    void aCancelledInstanceAcceptsNoMoreOperations() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").userTask("approve").chain("start", "approve")
                .build();
        InstanceState running = stateAfter(engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT));
        InstanceState cancelled = stateAfter(engine().apply(process, running, new EngineCommand.Cancel(), CONTEXT));

        // when
        Outcome outcome = engine().apply(process, cancelled, new EngineCommand.CompleteTask("approve", noVariables()), CONTEXT);

        // then
        assertThat(EngineTesting.refusal(outcome)).isEqualTo(new Refusal(RefusalReason.INSTANCE_NOT_ACTIVE,
                "instance i-1 is CANCELLED and accepts no more operations; start a new instance if the work must go on"));
    }
}
