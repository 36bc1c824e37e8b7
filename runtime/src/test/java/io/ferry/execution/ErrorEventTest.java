package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import org.junit.jupiter.api.Test;

/** BPMN errors: raised by a handler or thrown by an error end event, caught by the nearest error boundary event. */
class ErrorEventTest {

    @Test
    void aHandlersBpmnErrorIsCaughtOnItsTaskAndEndsItsJob() {
        ExecutableProcess payment = ProcessBuilder.process("order")
                .start("start").serviceTask("charge", "charge-card").end("paid")
                .boundaryError("declined", "charge", "CARD_DECLINED").userTask("askForAnotherCard")
                .chain("start", "charge", "paid").flow("declined", "askForAnotherCard")
                .build();
        InstanceState charging = stateAfter(engine().apply(payment, null, new EngineCommand.Start(json("{}")), CONTEXT));

        var outcome = engine().apply(payment, charging, new EngineCommand.ThrowError("t2", "CARD_DECLINED", "insufficient funds"),
                CONTEXT);

        assertThat(history(outcome)).containsExactly("ErrorThrown charge", "NodeTerminated charge", "NodeEntered declined",
                "NodeCompleted declined", "NodeEntered askForAnotherCard", "TaskCreated askForAnotherCard");
        assertThat(advanced(outcome).events().get(0).data())
                .isEqualTo(json("{'errorCode': 'CARD_DECLINED', 'message': 'insufficient funds'}"));
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CancelJob("t2"));
    }

    @Test
    void anErrorEndEventInsideASubProcessEndsItAndEverythingInItThroughItsBoundaryEvent() {
        ExecutableProcess checkout = ProcessBuilder.process("order")
                .start("start")
                .subProcess("checks", inner -> inner.start("checksStart").parallel("both").exclusive("ok").end("checksDone")
                        .errorEnd("fraud", "FRAUD").userTask("peerReview"))
                .boundaryError("fraudFound", "checks", null).userTask("investigate").end("end")
                .chain("start", "checks", "end").flow("fraudFound", "investigate")
                .flow("checksStart", "both").flow("both", "peerReview").flow("both", "ok")
                .flow("okToDone", "ok", "checksDone", "${score < 50}")
                .defaultFlow("okToFraud", "ok", "fraud")
                .build();

        var outcome = engine().apply(checkout, null, new EngineCommand.Start(json("{'score': 90}")), CONTEXT);

        assertThat(history(outcome)).containsSubsequence("NodeEntered fraud", "ErrorThrown fraud", "NodeTerminated checks",
                "NodeEntered fraudFound", "NodeCompleted fraudFound", "NodeEntered investigate", "TaskCreated investigate");
        assertThat(stateAfter(outcome).scopes()).isEmpty();
        assertThat(stateAfter(outcome).tokens()).extracting(token -> token.nodeId()).containsExactly("investigate");
    }

    @Test
    void anErrorNothingCatchesIsAnIncidentNotARetry() {
        ExecutableProcess payment = ProcessBuilder.process("order")
                .start("start").serviceTask("charge", "charge-card").end("paid")
                .chain("start", "charge", "paid")
                .build();
        InstanceState charging = stateAfter(engine().apply(payment, null, new EngineCommand.Start(json("{}")), CONTEXT));

        var outcome = engine().apply(payment, charging, new EngineCommand.ThrowError("t2", "CARD_DECLINED", "no"), CONTEXT);

        assertThat(stateAfter(outcome).tokens().get(0).job().incident()).isTrue();
        assertThat(advanced(outcome).effects()).containsExactly(new Effect.CancelJob("t2"), new Effect.OpenIncident("t2",
                "charge", "BPMN error 'CARD_DECLINED' (no) is caught by no error boundary event", 1));
    }

    @Test
    void anErrorEndEventNothingCatchesEndsOnlyItsToken() {
        ExecutableProcess rejecting = ProcessBuilder.process("order")
                .start("start").errorEnd("rejected", "REJECTED")
                .chain("start", "rejected").build();

        var outcome = engine().apply(rejecting, null, new EngineCommand.Start(json("{}")), CONTEXT);

        assertThat(history(outcome)).containsExactly("InstanceStarted", "NodeEntered start", "NodeCompleted start",
                "NodeEntered rejected", "ErrorThrown rejected", "NodeCompleted rejected", "InstanceCompleted");
        assertThat(advanced(outcome).events().get(4).data()).isEqualTo(json("{'errorCode': 'REJECTED', 'message': null, 'caught': false}"));
    }
}
