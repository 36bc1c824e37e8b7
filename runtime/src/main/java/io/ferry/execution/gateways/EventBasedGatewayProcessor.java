package io.ferry.execution.gateways;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.SequenceFlow;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.SubscriptionBehaviour;
import io.ferry.execution.behaviours.TimerBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event-based gateway: the token waits at the gateway with the timers and subscriptions of the
 * events it leads to, and the first of them to happen takes it on (the others are dropped with it);
 * that event's own processor is triggered and enters and leaves it, as if the token had waited there.
 */
public final class EventBasedGatewayProcessor implements ElementProcessor {

    private final TimerBehaviour timers;
    private final SubscriptionBehaviour subscriptions;

    public EventBasedGatewayProcessor(TimerBehaviour timers, SubscriptionBehaviour subscriptions) {
        this.timers = timers;
        this.subscriptions = subscriptions;
    }

    @Override
    public Optional<Refusal> onArrival(Node gateway, MovingToken token, Run run) {
        List<Timer> armedTimers = new ArrayList<>();
        List<Subscription> opened = new ArrayList<>();
        for (SequenceFlow flow : run.process().outgoing(gateway)) {
            Node event = run.process().node(flow.targetId());
            if (event.kind() == NodeKind.TIMER_CATCH_EVENT) {
                TimerBehaviour.Armed armed = timers.arm(event, event.details(NodeDetails.Timer.class).timer(), token.id(), run);
                if (armed.refusal() != null) {
                    return Optional.of(armed.refusal());
                }
                armedTimers.add(armed.timer());
            } else {
                SubscriptionBehaviour.Opened open = subscriptions.open(event, event.details(NodeDetails.Message.class), token.id(), run);
                if (open.refusal() != null) {
                    return Optional.of(open.refusal());
                }
                opened.add(open.subscription());
            }
        }
        run.rest(token, TokenState.EVENTS, armedTimers, null, opened);
        return Optional.empty();
    }
}
