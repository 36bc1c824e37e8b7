package io.ferry.execution;

import static io.ferry.execution.EngineTesting.CONTEXT;
import static io.ferry.execution.EngineTesting.engine;
import static io.ferry.execution.EngineTesting.noVariables;
import static io.ferry.execution.EngineTesting.refusal;
import static io.ferry.execution.EngineTesting.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.state.InstanceState;
import org.junit.jupiter.api.Test;

/** A client that names a service task as a task to complete learns that its job runs by itself, and what to do instead. */
class CompletingATaskThatRunsAsAJobTest {

    private static final ExecutableProcess ORDER = ProcessBuilder.process("order")
            .start("start").parallel("both").serviceTask("chargePayment", "charge-payment", 1, "PT1S").userTask("packParcels")
            .end("charged").end("packed")
            .chain("start", "both").chain("both", "chargePayment", "charged").chain("both", "packParcels", "packed")
            .build();

    private static final InstanceState CHARGING = stateAfter(engine().apply(ORDER, null, new EngineCommand.Start(noVariables()), CONTEXT));

    @Test
    void whileItsJobWaitsTheRefusalSaysSo() {
        Outcome outcome = engine().apply(ORDER, CHARGING, new EngineCommand.CompleteTask("chargePayment", noVariables()), CONTEXT);

        assertThat(refusal(outcome)).isEqualTo(new Refusal(RefusalReason.TASK_NOT_FOUND,
                "'chargePayment' is serviceTask 'chargePayment' of instance i-1, which runs as a job, not a user task: a worker"
                        + " calls its handler 'charge-payment' and completes it by itself (its job is waiting for a worker now)."
                        + " Only user tasks are completed this way; open user tasks: t4 at 'packParcels'"));
    }

    @Test
    void withAnIncidentTheRefusalPointsToTheIncident() {
        InstanceState failed = stateAfter(engine().apply(ORDER, CHARGING, new EngineCommand.FailJob("t3", "card service down"), CONTEXT));

        Outcome outcome = engine().apply(ORDER, failed, new EngineCommand.CompleteTask("t3", noVariables()), CONTEXT);

        assertThat(refusal(outcome).message()).isEqualTo("'t3' is serviceTask 'chargePayment' of instance i-1, which runs as a job,"
                + " not a user task: a worker calls its handler 'charge-payment' and completes it by itself (its job has an"
                + " incident now: GET /incidents lists it, POST /incidents/{id}/retry or /resolve moves it on)."
                + " Only user tasks are completed this way; open user tasks: t4 at 'packParcels'");
    }

    @Test
    void afterItsJobCompletedTheRefusalStillNamesTheServiceTask() {
        InstanceState charged = stateAfter(engine().apply(ORDER, CHARGING, new EngineCommand.CompleteJob("t3", noVariables()), CONTEXT));

        Outcome outcome = engine().apply(ORDER, charged, new EngineCommand.CompleteTask("chargePayment", noVariables()), CONTEXT);

        assertThat(refusal(outcome).message()).startsWith("'chargePayment' is serviceTask 'chargePayment' of instance i-1, which runs as a job")
                .contains("completes it by itself. Only user tasks");
    }
}
