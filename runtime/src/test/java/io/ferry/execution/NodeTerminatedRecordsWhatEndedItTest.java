package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.at;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.TimerDefinition;
import io.ferry.state.InstanceState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way an element ends without completing — a cancel, a terminate end event, an interrupting
 * boundary event, an error leaving a sub-process — goes through one termination: each element still
 * running records {@code NodeTerminated} naming its token, what ended it and the node that did,
 * innermost first, and its job, timers and subscriptions go with it.
 */
class NodeTerminatedRecordsWhatEndedItTest {

    // fulfil runs pick (a user task) and charge (a job) side by side; pick can end fulfil by a terminate end event.
    private static final ExecutableProcess ORDER = ProcessBuilder.process("order")
            .start("start")
            .subProcess("fulfil", inner -> inner.start("fulfilStart").parallel("both").userTask("pick").serviceTask("charge", "charge-card")
                    .terminateEnd("outOfStock").end("charged")
                    .chain("fulfilStart", "both").chain("both", "pick", "outOfStock").chain("both", "charge", "charged"))
            .boundaryTimer("slaMissed", "fulfil", true, TimerDefinition.Type.DURATION, "PT1H")
            .boundaryError("declined", "fulfil", "CARD_DECLINED")
            .end("done").end("late").end("refunded")
            .chain("start", "fulfil", "done").flow("slaMissed", "late").flow("declined", "refunded")
            .build();

    private static final InstanceState FULFILLING = stateAfter(engine().apply(ORDER, null, new EngineCommand.Start(noVariables()), CONTEXT));

    @Test
    void aCancelTerminatesEveryElementInsideOut() {
        Outcome outcome = engine().apply(ORDER, FULFILLING, new EngineCommand.Cancel(), CONTEXT);

        assertThat(terminations(outcome)).containsExactly(
                "NodeTerminated pick t7 {\"cause\":\"cancel\"}",
                "NodeTerminated charge t8 {\"cause\":\"cancel\"}",
                "NodeTerminated fulfil t2 {\"cause\":\"cancel\"}");
        assertThat(advanced(outcome).effects()).containsExactlyInAnyOrder(new Effect.CancelTimer("timer3"), new Effect.CancelJob("t8"));
    }

    @Test
    void anInterruptingBoundaryEventTerminatesTheSubProcessAndEverythingInIt() {
        Outcome outcome = engine().apply(ORDER, FULFILLING, new EngineCommand.FireTimer("timer3"),
                at(EngineTesting.NOW.plusSeconds(3600)));

        assertThat(terminations(outcome)).containsExactly(
                "NodeTerminated pick t7 {\"by\":\"slaMissed\",\"cause\":\"boundaryEvent\"}",
                "NodeTerminated charge t8 {\"by\":\"slaMissed\",\"cause\":\"boundaryEvent\"}",
                "NodeTerminated fulfil t2 {\"by\":\"slaMissed\",\"cause\":\"boundaryEvent\"}");
        assertThat(advanced(outcome).effects()).containsExactlyInAnyOrder(new Effect.CancelTimer("timer3"), new Effect.CancelJob("t8"));
    }

    @Test
    void anErrorLeavingTheSubProcessTerminatesItAndEverythingInIt() {
        Outcome outcome = engine().apply(ORDER, FULFILLING, new EngineCommand.ThrowError("t8", "CARD_DECLINED", "no funds"), CONTEXT);

        assertThat(terminations(outcome)).containsExactly(
                "NodeTerminated pick t7 {\"by\":\"declined\",\"cause\":\"error\"}",
                "NodeTerminated charge t8 {\"by\":\"declined\",\"cause\":\"error\"}",
                "NodeTerminated fulfil t2 {\"by\":\"declined\",\"cause\":\"error\"}");
        assertThat(stateAfter(outcome).tokens()).isEmpty();
    }

    @Test
    void aTerminateEndEventTerminatesWhatElseRunsInItsScope() {
        Outcome outcome = engine().apply(ORDER, FULFILLING, new EngineCommand.CompleteTask("pick", json("{}")), CONTEXT);

        assertThat(terminations(outcome)).containsExactly(
                "NodeTerminated charge t8 {\"by\":\"outOfStock\",\"cause\":\"terminateEndEvent\"}");
        assertThat(EngineTesting.history(outcome)).containsSubsequence("NodeCompleted outOfStock", "NodeTerminated charge",
                "NodeCompleted fulfil", "NodeEntered done");
    }

    private static List<String> terminations(Outcome outcome) {
        return advanced(outcome).events().stream()
                .filter(event -> event.type().equals(EngineEvent.NODE_TERMINATED))
                .map(event -> event.type() + " " + event.nodeId() + " " + event.tokenId() + " " + event.data())
                .toList();
    }
}
