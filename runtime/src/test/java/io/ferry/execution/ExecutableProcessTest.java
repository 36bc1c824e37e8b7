package io.ferry.execution;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExecutableProcessTest {

    @Test
    void aConditionThatDoesNotCompileIsReportedWithItsFlow() {
        // given
        ProcessBuilder broken = ProcessBuilder.process("order")
                .start("start").end("end")
                .flow("toEnd", "start", "end", "amount >");

        // when / then
        assertThatThrownBy(broken::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("process 'order' version 1: condition of flow 'toEnd' does not compile: ");
    }

    @Test
    void aSubProcessWithoutStartEventIsReported() {
        // given
        ProcessBuilder broken = ProcessBuilder.process("order")
                .start("start").subProcess("packing", sub -> sub.userTask("pack"))
                .chain("start", "packing");

        // when / then
        assertThatThrownBy(broken::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("process 'order' version 1 has no none start event in sub-process 'packing'");
    }
}
