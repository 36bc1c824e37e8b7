package io.ferry.execution.events;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.BoundaryEventBehaviour;
import io.ferry.execution.behaviours.SubscriptionBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Trigger;
import io.ferry.state.Subscription;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message catch event or receive task: the token waits with a subscription to its message, keyed
 * by the correlation variable's value when it arrives (a receive task's boundary events are armed
 * too). When the message comes, its variables are merged and the token moves on, dropping its
 * boundary events (or, after an event-based gateway, the gateway's other events).
 */
public final class MessageCatchProcessor implements ElementProcessor {

    private final SubscriptionBehaviour subscriptions;
    private final BoundaryEventBehaviour boundaryEvents;

    public MessageCatchProcessor(SubscriptionBehaviour subscriptions, BoundaryEventBehaviour boundaryEvents) {
        this.subscriptions = subscriptions;
        this.boundaryEvents = boundaryEvents;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        SubscriptionBehaviour.Opened own = subscriptions.open(node, node.details(NodeDetails.Message.class), token.id(), run);
        if (own.refusal() != null) {
            return Optional.of(own.refusal());
        }
        BoundaryEventBehaviour.Armed boundaries = boundaryEvents.arm(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        List<Subscription> all = new ArrayList<>();
        all.add(own.subscription());
        all.addAll(boundaries.subscriptions());
        run.rest(token, TokenState.MESSAGE, boundaries.timers(), null, all);
        return Optional.empty();
    }

    @Override
    public Optional<Refusal> onTrigger(Node node, Token waiting, Trigger trigger, Run run) {
        return trigger.accept(new Trigger.Visitor<>() {
            @Override
            public Optional<Refusal> taskCompleted(Trigger.TaskCompleted unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }

            @Override
            public Optional<Refusal> jobReport(Trigger.JobReport unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }

            @Override
            public Optional<Refusal> messageCorrelated(Trigger.MessageCorrelated message) {
                MovingToken token = run.wakeAt(waiting, node);
                subscriptions.correlate(node, token.id(), message.subscription(), message.variables(), run);
                return run.leaveActivity(node, token);
            }

            @Override
            public Optional<Refusal> timerFired(Trigger.TimerFired unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }
        });
    }
}
