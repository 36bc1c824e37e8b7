package io.ferry.execution.events;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import java.util.List;
import java.util.Optional;

/** A none end event: the token's path ends; its container completes when it was the last. */
public final class EndEventProcessor implements ElementProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.leave(node, token.id(), token.scopeId(), List.of());
    }
}
