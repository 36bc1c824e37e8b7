package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.TimerDefinition;
import io.ferry.definition.TimerSchedule;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arming timers, shared by the timer catch event and the activities that carry boundary timers. A
 * timer's text was checked at build time; a timer that names a variable is read here, when armed.
 */
final class Timers {

    /** A timer armed, or why it could not be. */
    record Armed(Timer timer, Refusal refusal) {
    }

    private Timers() {
    }

    /**
     * The timers and message subscriptions of the boundary events attached to an activity a token
     * just reached, or why one could not be armed or opened.
     */
    record Boundaries(List<Timer> timers, List<Subscription> subscriptions, Refusal refusal) {
    }

    /** Arms the timers and opens the subscriptions of the activity's boundary events, for the token waiting there. */
    static Boundaries armBoundaries(Node activity, String tokenId, Run run) {
        List<Timer> timers = new ArrayList<>();
        for (Node boundary : run.process().boundaryTimers(activity.id())) {
            Armed armed = arm(boundary, boundary.details(NodeDetails.BoundaryTimer.class).timer(), tokenId, run);
            if (armed.refusal() != null) {
                return new Boundaries(List.of(), List.of(), armed.refusal());
            }
            timers.add(armed.timer());
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (Node boundary : run.process().boundaryMessages(activity.id())) {
            Subscriptions.Opened opened = Subscriptions.open(boundary,
                    boundary.details(NodeDetails.BoundaryMessage.class).message(), tokenId, run);
            if (opened.refusal() != null) {
                return new Boundaries(List.of(), List.of(), opened.refusal());
            }
            subscriptions.add(opened.subscription());
        }
        return new Boundaries(timers, subscriptions, null);
    }

    /** Arms the timer of a node at the operation's moment, and records it in the history. */
    static Armed arm(Node node, TimerDefinition definition, String tokenId, Run run) {
        Optional<String> variable = definition.variable();
        TimerSchedule schedule;
        if (variable.isPresent()) {
            JsonNode value = run.variables().get(variable.get());
            String problem;
            if (value == null || !value.isTextual()) {
                problem = "not text";
            } else {
                try {
                    schedule = TimerSchedule.parse(definition.type(), value.textValue());
                    return armed(node, schedule, tokenId, run);
                } catch (TimerSchedule.InvalidTimerException e) {
                    problem = e.getMessage();
                }
            }
            return new Armed(null, Refusal.timerVariableInvalid(run.instanceId(), node, definition, variable.get(), value,
                    problem + " (expected " + definition.type().expected() + ")"));
        }
        return armed(node, definition.schedule(), tokenId, run);
    }

    private static Armed armed(Node node, TimerSchedule schedule, String tokenId, Run run) {
        Timer timer = new Timer(run.newTimerId(), node.id(), run.now(), schedule.firstDue(run.now()), 0);
        run.record(EngineEvent.TIMER_SCHEDULED, node.id(), tokenId,
                run.variables().objectNode().put("timerId", timer.id()).put("dueAt", timer.dueAt().toString()));
        return new Armed(timer, null);
    }

    /** The schedule a timer was armed with, to find a cycle's next repetition. */
    static TimerSchedule scheduleOf(TimerDefinition definition, Run run) {
        Optional<String> variable = definition.variable();
        if (variable.isEmpty()) {
            return definition.schedule();
        }
        JsonNode value = run.variables().get(variable.get());
        try {
            return TimerSchedule.parse(definition.type(), value == null ? "" : value.asText());
        } catch (TimerSchedule.InvalidTimerException e) {
            // The variable changed since the timer was armed and no longer holds a cycle: this repetition was the last.
            return null;
        }
    }
}
