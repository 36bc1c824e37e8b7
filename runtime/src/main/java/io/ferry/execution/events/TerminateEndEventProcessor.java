package io.ferry.execution.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.definition.Node;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.TerminationBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.state.InstanceStatus;
import java.util.Optional;

/**
 * A terminate end event terminates everything else in its scope (each element records {@code
 * NodeTerminated} by it): at process level the instance then completes ({@code InstanceCompleted}
 * with {@code terminatedBy}); inside a sub-process only that scope ends, and the sub-process then
 * completes as usual.
 */
public final class TerminateEndEventProcessor implements ElementProcessor {

    private final TerminationBehaviour termination;

    public TerminateEndEventProcessor(TerminationBehaviour termination) {
        this.termination = termination;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        run.record(EngineEvent.NODE_COMPLETED, node.id(), token.id());
        termination.terminateContents(token.scopeId(), Termination.byTerminateEndEvent(node), run);
        if (token.scopeId() == null) {
            run.finish(InstanceStatus.COMPLETED, EngineEvent.INSTANCE_COMPLETED,
                    JsonNodeFactory.instance.objectNode().put("terminatedBy", node.id()));
            return Optional.empty();
        }
        return run.pathEnded(token.scopeId());
    }
}
