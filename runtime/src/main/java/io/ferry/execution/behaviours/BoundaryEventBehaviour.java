package io.ferry.execution.behaviours;

import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import java.util.ArrayList;
import java.util.List;

/**
 * Arming the boundary events of an activity a token just reached: the timers and message
 * subscriptions the token rests with for as long as it waits there (its task, job, message or
 * sub-process), and drops when it leaves. What a boundary event does when it fires is the boundary
 * event's own processor's business.
 */
public final class BoundaryEventBehaviour {

    private final TimerBehaviour timers;
    private final SubscriptionBehaviour subscriptions;

    public BoundaryEventBehaviour(TimerBehaviour timers, SubscriptionBehaviour subscriptions) {
        this.timers = timers;
        this.subscriptions = subscriptions;
    }

    /** The timers and subscriptions of an activity's boundary events, or why one could not be armed or opened. */
    public record Armed(List<Timer> timers, List<Subscription> subscriptions, Refusal refusal) {

        /** Whether the activity has any boundary event to watch for. */
        public boolean watched() {
            return !timers.isEmpty() || !subscriptions.isEmpty();
        }
    }

    /** Arms the timers and opens the subscriptions of the activity's boundary events, for the token waiting there. */
    public Armed arm(Node activity, String tokenId, Run run) {
        List<Timer> armedTimers = new ArrayList<>();
        for (Node boundary : run.process().boundaryTimers(activity.id())) {
            TimerBehaviour.Armed armed = timers.arm(boundary, boundary.details(NodeDetails.BoundaryTimer.class).timer(), tokenId, run);
            if (armed.refusal() != null) {
                return new Armed(List.of(), List.of(), armed.refusal());
            }
            armedTimers.add(armed.timer());
        }
        List<Subscription> opened = new ArrayList<>();
        for (Node boundary : run.process().boundaryMessages(activity.id())) {
            SubscriptionBehaviour.Opened open = subscriptions.open(boundary,
                    boundary.details(NodeDetails.BoundaryMessage.class).message(), tokenId, run);
            if (open.refusal() != null) {
                return new Armed(List.of(), List.of(), open.refusal());
            }
            opened.add(open.subscription());
        }
        return new Armed(armedTimers, opened, null);
    }
}
