package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepLimitTest {

    @Test
    void aLoopWithoutAWaitStateIsRefusedAfterTheStepLimit() {
        // given: retry -> again? -> retry, forever
        ExecutableProcess endless = ProcessBuilder.process("order")
                .start("start").task("retry").exclusive("again")
                .chain("start", "retry", "again", "retry")
                .build();

        // when
        Refusal refusal = refusal(engine().apply(endless, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.STEP_LIMIT_EXCEEDED,
                "instance i-1 took more than 10000 steps in one operation (the last at node 'again'): the process loops"
                        + " without reaching a task that waits; check the conditions that should end the loop"));
    }
}
