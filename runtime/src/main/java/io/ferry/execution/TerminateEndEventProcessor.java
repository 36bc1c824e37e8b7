package io.ferry.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.definition.Node;
import io.ferry.state.InstanceStatus;
import java.util.Optional;

/**
 * A terminate end event ends every token of its scope: at process level the whole instance
 * completes; inside a sub-process only that scope (and the scopes in it) ends, and the
 * sub-process then completes as usual.
 */
final class TerminateEndEventProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        run.record(EngineEvent.NODE_COMPLETED, node.id(), token.id());
        if (token.scopeId() == null) {
            run.end(InstanceStatus.COMPLETED, EngineEvent.INSTANCE_COMPLETED,
                    JsonNodeFactory.instance.objectNode().put("terminatedBy", node.id()));
            return Optional.empty();
        }
        run.clearScope(token.scopeId());
        return run.completeScopeIfEmpty(token.scopeId());
    }
}
