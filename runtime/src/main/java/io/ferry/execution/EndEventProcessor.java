package io.ferry.execution;

import io.ferry.definition.Node;
import java.util.List;
import java.util.Optional;

/** A none end event: the token ends; the instance or sub-process ends when it was the last. */
final class EndEventProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.leave(node, token.id(), token.scopeId(), List.of());
    }
}
