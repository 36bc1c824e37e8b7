package io.ferry.operation;

import io.ferry.execution.EngineCommand;
import io.ferry.operation.InstanceTransaction.Step;
import io.ferry.operation.InstanceTransaction.Stored;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Fires a due timer of an instance: an operation like any other (load, migrate, apply, store), so a timer that
 * another pod fired first, or whose token moved on, is refused and fires nothing.
 */
@ApplicationScoped
public class TimerFiring {

    @Inject
    InstanceTransaction transaction;
    @Inject
    MessageCorrelation correlation;

    public Uni<OperationResult<Stored>> fire(UUID id, String timerId) {
        return transaction.advance(Step.of(id, new EngineCommand.FireTimer(timerId), Causation.ofPod()))
                .call(correlation::deliverBuffered);
    }
}
