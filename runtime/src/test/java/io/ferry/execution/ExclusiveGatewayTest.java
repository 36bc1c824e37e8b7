package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import org.junit.jupiter.api.Test;

class ExclusiveGatewayTest {

    private final ExecutableProcess routing = ProcessBuilder.process("order")
            .start("start").exclusive("route").end("approval").end("vip").end("standard")
            .chain("start", "route")
            .flow("toApproval", "route", "approval", "amount > 100")
            .flow("toVip", "route", "vip", "amount > 10")
            .defaultFlow("toStandard", "route", "standard")
            .build();

    @Test
    void takesOnlyTheFirstFlowWhoseConditionHoldsInDocumentOrder() {
        // when
        Outcome outcome = engine().apply(routing, null, new EngineCommand.Start(json("{'amount': 500}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered route", "NodeCompleted route",
                "NodeEntered approval", "NodeCompleted approval",
                "InstanceCompleted");
    }

    @Test
    void takesTheDefaultFlowWhenNoConditionHolds() {
        // when
        Outcome outcome = engine().apply(routing, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered route", "NodeCompleted route",
                "NodeEntered standard", "NodeCompleted standard",
                "InstanceCompleted");
    }

    @Test
    void noTrueConditionAndNoDefaultFlowIsRefused() {
        // given
        ExecutableProcess withoutDefault = ProcessBuilder.process("order")
                .start("start").exclusive("route").end("approval").end("vip")
                .chain("start", "route")
                .flow("toApproval", "route", "approval", "amount > 100")
                .flow("toVip", "route", "vip", "amount > 10")
                .build();

        // when
        Refusal refusal = refusal(engine().apply(withoutDefault, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.NO_OUTGOING_FLOW_TAKEN,
                "exclusiveGateway 'route' has no default flow and none of its conditions is true:"
                        + " flow 'toApproval' (amount > 100) is false because amount is the number 5;"
                        + " flow 'toVip' (amount > 10) is false because amount is the number 5."
                        + " Set the variables so that one holds, or give 'route' a default flow in the BPMN"));
    }

    @Test
    void aConditionOverAVariableThatIsNotSetIsRefusedAndTheInstanceKeptAsItWas() {
        // given
        ExecutableProcess approvalFirst = ProcessBuilder.process("order")
                .start("start").userTask("enter").exclusive("route").end("approval").end("standard")
                .chain("start", "enter", "route")
                .flow("toApproval", "route", "approval", "${amount > 100}")
                .defaultFlow("toStandard", "route", "standard")
                .build();
        InstanceState waiting = stateAfter(engine().apply(approvalFirst, null, new EngineCommand.Start(json("{'customer': 'Ann'}")), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(approvalFirst, waiting, new EngineCommand.CompleteTask("enter", json("{'note': 'x'}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.CONDITION_FAILED,
                "condition of flow 'toApproval' ('amount > 100') could not be evaluated: variable 'amount' is not set;"
                        + " set or correct the variables it uses with PATCH /instances/i-1/variables or in the request"));
        assertThat(waiting.variables()).isEqualTo(json("{'customer': 'Ann'}"));
        assertThat(waiting.tokens()).extracting(io.ferry.state.Token::nodeId).containsExactly("enter");
    }
}
