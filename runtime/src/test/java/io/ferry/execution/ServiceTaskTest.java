package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.advanced;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.engineWith;
import static io.ferry.execution.EngineTesting.history;
import static io.ferry.execution.EngineTesting.json;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.ferry.state.InstanceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceTaskTest {

    private final ExecutableProcess payment = ProcessBuilder.process("order")
            .start("start").userTask("approve").serviceTask("charge", "charge-card").end("end")
            .chain("start", "approve", "charge", "end")
            .build();

    @Test
    void theHandlerIsCalledAndItsOutputMergedIntoTheVariables() {
        // given
        List<ServiceTaskContext> calls = new ArrayList<>();
        ServiceTaskHandler chargeCard = context -> {
            calls.add(context);
            return Map.of("receipt", Map.of("number", 42));
        };
        ProcessEngine engine = engineWith(Map.of("charge-card", chargeCard));
        InstanceState waiting = stateAfter(engine.apply(payment, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));

        // when
        Outcome outcome = engine.apply(payment, waiting, new EngineCommand.CompleteTask("approve", json("{'approved': true}")), CONTEXT);

        // then
        assertThat(history(outcome)).containsExactly(
                "TaskCompleted approve", "NodeCompleted approve",
                "NodeEntered charge", "ServiceTaskCompleted charge", "NodeCompleted charge",
                "NodeEntered end", "NodeCompleted end",
                "InstanceCompleted");
        assertThat(advanced(outcome).events().get(3).data()).isEqualTo(json("{'receipt': {'number': 42}}"));
        assertThat(stateAfter(outcome).variables())
                .isEqualTo(json("{'amount': 5, 'approved': true, 'receipt': {'number': 42}}"));
        assertThat(calls).containsExactly(new ServiceTaskContext(
                "i-1", "order", "charge", "t3", "i-1:t3", json("{'amount': 5, 'approved': true}")));
    }

    @Test
    void aHandlerChangingItsCopyOfTheVariablesChangesNothing() {
        // given
        ServiceTaskHandler meddler = context -> {
            ((ObjectNode) context.variables()).put("amount", 1_000_000);
            return Map.of();
        };
        ProcessEngine engine = engineWith(Map.of("charge-card", meddler));
        InstanceState waiting = stateAfter(engine.apply(payment, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));

        // when
        Outcome outcome = engine.apply(payment, waiting, new EngineCommand.CompleteTask("approve", json("{}")), CONTEXT);

        // then
        assertThat(stateAfter(outcome).variables()).isEqualTo(json("{'amount': 5}"));
    }

    @Test
    void aMissingHandlerRefusesTheOperation() {
        // given
        InstanceState waiting = stateAfter(engine().apply(payment, null, new EngineCommand.Start(json("{}")), CONTEXT));

        // when
        Refusal refusal = refusal(engine().apply(payment, waiting, new EngineCommand.CompleteTask("approve", json("{}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.HANDLER_NOT_FOUND,
                "service task 'charge' calls handler 'charge-card', but no bean is annotated @ServiceTask(\"charge-card\");"
                        + " deploy one, or correct the handler name in the BPMN"));
    }

    @Test
    void aFailingHandlerRefusesTheWholeOperationAndKeepsNothing() {
        // given
        ServiceTaskHandler declined = context -> {
            throw new IllegalStateException("card declined");
        };
        ProcessEngine engine = engineWith(Map.of("charge-card", declined));
        InstanceState waiting = stateAfter(engine.apply(payment, null, new EngineCommand.Start(json("{'amount': 5}")), CONTEXT));
        InstanceState untouched = new InstanceState(waiting.processId(), waiting.version(), waiting.status(),
                waiting.tokens(), waiting.scopes(), waiting.variables().deepCopy(), waiting.lastIdNumber());

        // when
        Refusal refusal = refusal(engine.apply(payment, waiting, new EngineCommand.CompleteTask("approve", json("{'approved': true}")), CONTEXT));

        // then
        assertThat(refusal).isEqualTo(new Refusal(RefusalReason.SERVICE_TASK_FAILED,
                "service task 'charge' (handler 'charge-card') failed: card declined;"
                        + " nothing of this operation was kept, retry it once the cause is fixed"));
        assertThat(waiting).isEqualTo(untouched);
    }

    @Test
    void aRetryCallsTheHandlerWithTheSameIdempotencyKey() {
        // given
        List<String> keys = new ArrayList<>();
        ServiceTaskHandler flaky = context -> {
            keys.add(context.idempotencyKey());
            if (keys.size() == 1) {
                throw new IllegalStateException("timeout");
            }
            return Map.of();
        };
        ProcessEngine engine = engineWith(Map.of("charge-card", flaky));
        InstanceState waiting = stateAfter(engine.apply(payment, null, new EngineCommand.Start(json("{}")), CONTEXT));
        refusal(engine.apply(payment, waiting, new EngineCommand.CompleteTask("approve", json("{}")), CONTEXT));

        // when
        Outcome retried = engine.apply(payment, waiting, new EngineCommand.CompleteTask("approve", json("{}")), CONTEXT);

        // then
        assertThat(advanced(retried).state().status()).isEqualTo(io.ferry.state.InstanceStatus.COMPLETED);
        assertThat(keys).containsExactly("i-1:t3", "i-1:t3");
    }
}
