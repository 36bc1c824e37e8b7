package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.SequenceFlow;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An event-based gateway: the token waits at the gateway with the timers and subscriptions of the
 * events it leads to, and the first of them to happen takes it on (the others are dropped with it);
 * the event's node is then entered and left at once, as if the token had waited there.
 */
final class EventGatewayProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node gateway, MovingToken token, Run run) {
        List<Timer> timers = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (SequenceFlow flow : run.process().outgoing(gateway)) {
            Node event = run.process().node(flow.targetId());
            if (event.kind() == NodeKind.TIMER_CATCH_EVENT) {
                Timers.Armed armed = Timers.arm(event, event.details(NodeDetails.Timer.class).timer(), token.id(), run);
                if (armed.refusal() != null) {
                    return Optional.of(armed.refusal());
                }
                timers.add(armed.timer());
            } else {
                Subscriptions.Opened opened = Subscriptions.open(event, event.details(NodeDetails.Message.class), token.id(), run);
                if (opened.refusal() != null) {
                    return Optional.of(opened.refusal());
                }
                subscriptions.add(opened.subscription());
            }
        }
        run.restAtGateway(token, timers, subscriptions);
        return Optional.empty();
    }
}
