package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.state.InstanceState;
import org.junit.jupiter.api.Test;

class UpdateVariablesTest {

    private final ExecutableProcess approval = ProcessBuilder.process("order")
            .start("start").userTask("approve").end("end")
            .chain("start", "approve", "end")
            .build();

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndKeepsUnknownFields() {
        // given
        InstanceState waiting = stateAfter(engine().apply(approval, null, new EngineCommand.Start(json("{'customer': {'name': 'Ann', 'tier': 'gold'}, 'x-legacy': [1, 2], 'amount': 5}")), CONTEXT));

        // when
        Outcome outcome = engine().apply(approval, waiting, new EngineCommand.UpdateVariables(json("{'customer': {'tier': null, 'city': 'Oslo'}, 'amount': 7, 'note': 'rush'}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly("VariablesUpdated");
        assertThat(advanced(outcome).events().get(0).data())
                .isEqualTo(json("{'customer': {'tier': null, 'city': 'Oslo'}, 'amount': 7, 'note': 'rush'}"));
        assertThat(stateAfter(outcome).variables()).isEqualTo(
                json("{'customer': {'name': 'Ann', 'city': 'Oslo'}, 'x-legacy': [1, 2], 'amount': 7, 'note': 'rush'}"));
        assertThat(stateAfter(outcome).tokens()).isEqualTo(waiting.tokens());
    }

    @Test
    void aPatchThatIsNotAnObjectIsRefused() {
        // given
        InstanceState waiting = stateAfter(engine().apply(approval, null, new EngineCommand.Start(json("{}")), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(approval, waiting, new EngineCommand.UpdateVariables(JsonNodeFactory.instance.arrayNode()), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.VARIABLES_NOT_AN_OBJECT,
                "the variables patch for instance i-1 must be a JSON object, not array;"
                        + " send {\"name\": value}, with null as the value to remove a variable"));
    }
}
