package io.ferry.execution.events;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.SubscriptionBehaviour;
import io.ferry.execution.behaviours.TerminationBehaviour;
import io.ferry.execution.behaviours.TimerBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.execution.lifecycle.Trigger;
import io.ferry.state.Token;
import java.util.Optional;

/**
 * Timer, message and error boundary events. Their timers and subscriptions are armed with the token
 * of the activity they hang on ({@link io.ferry.execution.behaviours.BoundaryEventBehaviour}) and
 * fire here: an interrupting event terminates the activity (a sub-process with everything inside
 * it); a non-interrupting one leaves it running, its timer armed again for a cycle's next
 * repetition while repetitions are left, its subscription open for the next message. Either way a
 * token then arrives at the event and leaves along its flows. An error boundary event is reached
 * only through the error it catches ({@link io.ferry.execution.behaviours.ErrorBehaviour}).
 */
public final class BoundaryEventProcessor implements ElementProcessor {

    private final TimerBehaviour timers;
    private final SubscriptionBehaviour subscriptions;
    private final TerminationBehaviour termination;

    public BoundaryEventProcessor(TimerBehaviour timers, SubscriptionBehaviour subscriptions, TerminationBehaviour termination) {
        this.timers = timers;
        this.subscriptions = subscriptions;
        this.termination = termination;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        return run.leaveActivity(node, token);
    }

    /** @param activity the token of the activity the event hangs on */
    @Override
    public Optional<Refusal> onTrigger(Node node, Token activity, Trigger trigger, Run run) {
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
                subscriptions.correlate(node, activity.id(), message.subscription(), message.variables(), run);
                if (node.details(NodeDetails.BoundaryMessage.class).interrupting()) {
                    termination.terminate(activity, Termination.byBoundaryEvent(node), run);
                }
                run.arrive(node.id(), activity.scopeId());
                return Optional.empty();
            }

            @Override
            public Optional<Refusal> timerFired(Trigger.TimerFired fired) {
                NodeDetails.BoundaryTimer boundary = node.details(NodeDetails.BoundaryTimer.class);
                if (boundary.interrupting()) {
                    termination.terminate(activity, Termination.byBoundaryEvent(node), run);
                } else {
                    run.replace(activity, activity.withTimers(timers.afterFiring(activity, fired.timer(), boundary.timer(), run)));
                }
                run.arrive(node.id(), activity.scopeId());
                return Optional.empty();
            }
        });
    }
}
