package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.state.TokenState;
import java.util.List;
import java.util.Optional;

/**
 * A timer intermediate catch event: the token waits with its timer armed; when the timer fires
 * ({@link ProcessEngine}), the token leaves like from any activity.
 */
final class TimerCatchEventProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        Timers.Armed armed = Timers.arm(node, node.details(NodeDetails.Timer.class).timer(), token.id(), run);
        if (armed.refusal() != null) {
            return Optional.of(armed.refusal());
        }
        run.rest(token, TokenState.TIMER, List.of(armed.timer()));
        return Optional.empty();
    }
}
