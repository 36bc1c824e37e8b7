package io.ferry.execution.events;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.TimerBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Trigger;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.List;
import java.util.Optional;

/**
 * A timer intermediate catch event: the token waits with its timer armed; when the timer fires the
 * token leaves like from any activity. After an event-based gateway the token waits at the gateway
 * instead, and this event is entered and left when its timer is the first of the gateway's events.
 */
public final class TimerCatchEventProcessor implements ElementProcessor {

    private final TimerBehaviour timers;

    public TimerCatchEventProcessor(TimerBehaviour timers) {
        this.timers = timers;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        TimerBehaviour.Armed armed = timers.arm(node, node.details(NodeDetails.Timer.class).timer(), token.id(), run);
        if (armed.refusal() != null) {
            return Optional.of(armed.refusal());
        }
        run.rest(token, TokenState.TIMER, List.of(armed.timer()));
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
            public Optional<Refusal> messageCorrelated(Trigger.MessageCorrelated unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }

            @Override
            public Optional<Refusal> timerFired(Trigger.TimerFired fired) {
                return run.leaveActivity(node, run.wakeAt(waiting, node));
            }
        });
    }
}
