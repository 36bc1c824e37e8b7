package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import org.junit.jupiter.api.Test;

class InstanceNotActiveTest {

    private final ExecutableProcess straight = ProcessBuilder.process("order")
            .start("start").end("end").chain("start", "end")
            .build();

    private final Refusal completed = new Refusal(RefusalReason.INSTANCE_NOT_ACTIVE,
            "instance i-1 is COMPLETED and accepts no more operations; start a new instance if the work must go on");

    @Test
    void aCompletedInstanceRefusesVariableUpdates() {
        // given
        InstanceState done = stateAfter(engine().apply(straight, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(straight, done, new EngineCommand.UpdateVariables(json("{'late': true}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(completed);
    }

    @Test
    void aCompletedInstanceCannotBeCancelled() {
        // given
        InstanceState done = stateAfter(engine().apply(straight, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(straight, done, new EngineCommand.Cancel(), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(completed);
    }
}
