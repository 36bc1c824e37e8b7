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
import io.ferry.state.InstanceStatus;
import io.ferry.state.Token;
import org.junit.jupiter.api.Test;

class InclusiveGatewayTest {

    /** split sends to "insure" and/or "ship" by condition, else to "hold"; merge joins them all. */
    private final ExecutableProcess shipping = ProcessBuilder.process("order")
            .start("start").inclusive("split").userTask("insure").userTask("ship").userTask("hold")
            .inclusive("merge").end("end")
            .chain("start", "split")
            .flow("toInsure", "split", "insure", "value > 1000")
            .flow("toShip", "split", "ship", "inStock")
            .defaultFlow("toHold", "split", "hold")
            .chain("insure", "merge").chain("ship", "merge").chain("hold", "merge")
            .chain("merge", "end")
            .build();

    /** split always sends to "insure" and into the "packing" sub-process; merge joins them. */
    private final ExecutableProcess packingAside = ProcessBuilder.process("order")
            .start("start").inclusive("split").userTask("insure")
            .subProcess("packing", sub -> sub.start("packStart").userTask("pack").end("packEnd")
                    .chain("packStart", "pack", "packEnd"))
            .inclusive("merge").end("end")
            .chain("start", "split")
            .chain("split", "insure", "merge")
            .chain("split", "packing", "merge")
            .chain("merge", "end")
            .build();

    @Test
    void aForkTakesEveryFlowWhoseConditionHolds() {
        // when
        Outcome outcome = engine().apply(shipping, null, new EngineCommand.Start(json("{'value': 5000, 'inStock': true}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered split", "NodeCompleted split",
                "NodeEntered insure", "TaskCreated insure",
                "NodeEntered ship", "TaskCreated ship");
    }

    @Test
    void aForkTakesTheDefaultFlowWhenNoConditionHolds() {
        // when
        Outcome outcome = engine().apply(shipping, null, new EngineCommand.Start(json("{'value': 5, 'inStock': false}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "InstanceStarted",
                "NodeEntered start", "NodeCompleted start",
                "NodeEntered split", "NodeCompleted split",
                "NodeEntered hold", "TaskCreated hold");
    }

    @Test
    void aForkWithNoTrueConditionAndNoDefaultIsRefused() {
        // given
        ExecutableProcess withoutDefault = ProcessBuilder.process("order")
                .start("start").inclusive("split").end("insured").end("shipped")
                .chain("start", "split")
                .flow("toInsure", "split", "insured", "value > 1000")
                .flow("toShip", "split", "shipped", "inStock")
                .build();

        // when
        Refusal refusal = refusal(engine().apply(withoutDefault, null, new EngineCommand.Start(json("{'value': 5, 'inStock': false}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.NO_OUTGOING_FLOW_TAKEN,
                "inclusiveGateway 'split' has no default flow and none of its conditions is true:"
                        + " flow 'toInsure' (value > 1000) is false because value is the number 5;"
                        + " flow 'toShip' (inStock) is false because inStock is the boolean false."
                        + " Set the variables so that one holds, or give 'split' a default flow in the BPMN"));
    }

    @Test
    void aJoinWaitsWhileATokenCanStillReachIt() {
        // given
        InstanceState forked = stateAfter(engine().apply(shipping, null, new EngineCommand.Start(json("{'value': 5000, 'inStock': true}")), CONTEXT));

        // when
        Outcome outcome = engine().apply(shipping, forked, new EngineCommand.CompleteTask("insure", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted insure", "NodeCompleted insure",
                "NodeEntered merge");
        assertThat(stateAfter(outcome).tokens()).extracting(Token::nodeId).containsExactly("ship", "merge");
    }

    @Test
    void aJoinFiresOnceTheLastTokenThatCouldReachItHasArrived() {
        // given
        InstanceState forked = stateAfter(engine().apply(shipping, null, new EngineCommand.Start(json("{'value': 5000, 'inStock': true}")), CONTEXT));
        InstanceState halfJoined = stateAfter(engine().apply(shipping, forked, new EngineCommand.CompleteTask("insure", noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(shipping, halfJoined, new EngineCommand.CompleteTask("ship", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted ship", "NodeCompleted ship",
                "NodeEntered merge", "NodeCompleted merge",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
    }

    @Test
    void aJoinFiresWhenNoOtherTokenCanReachItEvenIfTokensWaitElsewhere() {
        // given: "audit" runs beside the inclusive split and merge, and cannot reach the merge
        ExecutableProcess withAudit = ProcessBuilder.process("order")
                .start("start").parallel("fork").userTask("audit").end("audited")
                .inclusive("split").userTask("insure").userTask("ship").inclusive("merge").end("end")
                .chain("start", "fork")
                .chain("fork", "audit", "audited")
                .chain("fork", "split")
                .flow("toInsure", "split", "insure", "value > 1000")
                .flow("toShip", "split", "ship", "inStock")
                .chain("insure", "merge").chain("ship", "merge")
                .chain("merge", "end")
                .build();
        InstanceState forked = stateAfter(engine().apply(withAudit, null, new EngineCommand.Start(json("{'value': 5000, 'inStock': false}")), CONTEXT));

        // when
        Outcome outcome = engine().apply(withAudit, forked, new EngineCommand.CompleteTask("insure", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted insure", "NodeCompleted insure",
                "NodeEntered merge", "NodeCompleted merge",
                "NodeEntered end", "NodeCompleted end");
        assertThat(stateAfter(outcome).status()).isEqualTo(InstanceStatus.ACTIVE);
        assertThat(stateAfter(outcome).tokens()).extracting(Token::nodeId).containsExactly("audit");
    }

    @Test
    void aJoinWaitsForATokenInsideASubProcessThatLeadsToIt() {
        // given
        InstanceState forked = stateAfter(engine().apply(packingAside, null, new EngineCommand.Start(noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(packingAside, forked, new EngineCommand.CompleteTask("insure", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted insure", "NodeCompleted insure",
                "NodeEntered merge");
    }

    @Test
    void aJoinFiresOnceTheSubProcessHoldingTheLastTokenCompletes() {
        // given
        InstanceState forked = stateAfter(engine().apply(packingAside, null, new EngineCommand.Start(noVariables()), CONTEXT));
        InstanceState halfJoined = stateAfter(engine().apply(packingAside, forked, new EngineCommand.CompleteTask("insure", noVariables()), CONTEXT));

        // when
        Outcome outcome = engine().apply(packingAside, halfJoined, new EngineCommand.CompleteTask("pack", noVariables()), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted pack", "NodeCompleted pack",
                "NodeEntered packEnd", "NodeCompleted packEnd",
                "NodeCompleted packing",
                "NodeEntered merge", "NodeCompleted merge",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
    }
}
