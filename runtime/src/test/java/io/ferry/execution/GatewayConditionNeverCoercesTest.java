package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import io.ferry.state.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The order process's {@code ${approved == true}}: only the boolean true approves; no other value is read as one. */
class GatewayConditionNeverCoercesTest {

    private static ExecutableProcess approval(boolean withDefaultFlow) {
        ProcessBuilder process = ProcessBuilder.process("order")
                .start("orderReceived").userTask("approveOrder").exclusive("approved").userTask("packParcels").end("orderRejected")
                .chain("orderReceived", "approveOrder", "approved")
                .flow("toFulfilment", "approved", "packParcels", "${approved == true}");
        return withDefaultFlow ? process.defaultFlow("toRejected", "approved", "orderRejected").build() : process.build();
    }

    @ParameterizedTest(name = "approved = {0}")
    @ValueSource(strings = {"'no'", "'False'", "'0'", "1", "[false]", "{'approved': false}", "false"})
    void anyValueButTrueTakesTheDefaultFlow(String approved) {
        // given
        ExecutableProcess process = approval(true);
        InstanceState waiting = stateAfter(engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(process, waiting, new EngineCommand.CompleteTask("approveOrder", json("{'approved': " + approved + "}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted approveOrder", "NodeCompleted approveOrder",
                "NodeEntered approved", "NodeCompleted approved",
                "NodeEntered orderRejected", "NodeCompleted orderRejected",
                "InstanceCompleted");
    }

    @Test
    void theBooleanTrueTakesTheConditionalFlow() {
        // given
        ExecutableProcess process = approval(true);
        InstanceState waiting = stateAfter(engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(process, waiting, new EngineCommand.CompleteTask("approveOrder", json("{'approved': true}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted approveOrder", "NodeCompleted approveOrder",
                "NodeEntered approved", "NodeCompleted approved",
                "NodeEntered packParcels", "TaskCreated packParcels");
    }

    @Test
    void withoutADefaultFlowTheRefusalSaysWhatTheVariableHolds() {
        // given
        ExecutableProcess process = approval(false);
        InstanceState waiting = stateAfter(engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(process, waiting, new EngineCommand.CompleteTask("approveOrder", json("{'approved': 'no'}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.NO_OUTGOING_FLOW_TAKEN,
                "exclusiveGateway 'approved' has no default flow and none of its conditions is true:"
                        + " flow 'toFulfilment' (approved == true) is false because approved is the string \"no\"."
                        + " Set the variables so that one holds, or give 'approved' a default flow in the BPMN"));
        assertThat(waiting.tokens()).extracting(Token::nodeId).containsExactly("approveOrder");
    }

    @Test
    void aConditionThatCannotCompareItsOperandsIsRefusedNamingTheirKinds() {
        // given
        ExecutableProcess process = ProcessBuilder.process("order")
                .start("start").userTask("enter").exclusive("route").end("large").end("small")
                .chain("start", "enter", "route")
                .flow("toLarge", "route", "large", "${amount > 100}")
                .defaultFlow("toSmall", "route", "small")
                .build();
        InstanceState waiting = stateAfter(engine().apply(process, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(process, waiting, new EngineCommand.CompleteTask("enter", json("{'amount': '500'}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.CONDITION_FAILED,
                "condition of flow 'toLarge' ('amount > 100') could not be evaluated:"
                        + " '>' compares two numbers or two strings, not the string \"500\" and the number 100;"
                        + " set or correct the variables it uses with PATCH /instances/i-1/variables or in the request"));
    }
}
