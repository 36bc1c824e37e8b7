package io.ferry.execution.events;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import java.util.Optional;

/**
 * Start events (none, message and timer: what started the instance happened already) and none
 * intermediate throw events: the token passes straight through.
 */
public final class NoneEventProcessor implements ElementProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.leaveActivity(node, token);
    }
}
