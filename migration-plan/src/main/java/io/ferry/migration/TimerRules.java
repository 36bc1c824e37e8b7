package io.ferry.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.TimerDefinition;
import io.ferry.definition.TimerSchedule;
import io.ferry.plan.TimerRule;
import io.ferry.state.Timer;
import java.time.Instant;
import java.util.Optional;

/**
 * A plan's rule for a timer that lands on a timer event of the target version. Keeping is the
 * default; rescheduling counts the target's timer from when the timer was armed, so time already
 * waited counts; restarting counts it from the migration. A timer naming a variable reads it as the
 * plan leaves it (after its variable changes). A timer whose new schedule cannot be worked out (the
 * variable holds no valid timer) keeps its due time.
 */
final class TimerRules {

    private TimerRules() {
    }

    static Timer apply(Timer timer, Node target, TimerRule rule, ObjectNode variables, Instant now) {
        if (rule == TimerRule.KEEP || target == null) {
            return timer;
        }
        Optional<TimerSchedule> schedule = definitionOf(target).flatMap(definition -> schedule(definition, variables));
        if (schedule.isEmpty()) {
            return timer;
        }
        if (rule == TimerRule.RESCHEDULE) {
            return new Timer(timer.id(), timer.nodeId(), timer.armedAt(), schedule.get().firstDue(timer.armedAt()), timer.fired());
        }
        if (now == null) {
            return timer;
        }
        return new Timer(timer.id(), timer.nodeId(), now, schedule.get().firstDue(now), 0);
    }

    /**
     * The timer of a boundary event the plan restarts, armed at the migration for a token resting on
     * its activity without one (the event is new in the target, or a cycle of it had run out); empty
     * when its schedule cannot be worked out (its variable holds no valid timer).
     */
    static Optional<Timer> armed(Node boundary, String timerId, ObjectNode variables, Instant now) {
        return definitionOf(boundary).flatMap(definition -> schedule(definition, variables))
                .map(schedule -> new Timer(timerId, boundary.id(), now, schedule.firstDue(now), 0));
    }

    private static Optional<TimerDefinition> definitionOf(Node node) {
        if (node.details() instanceof NodeDetails.Timer catching) {
            return Optional.of(catching.timer());
        }
        if (node.details() instanceof NodeDetails.BoundaryTimer boundary) {
            return Optional.of(boundary.timer());
        }
        return Optional.empty();
    }

    private static Optional<TimerSchedule> schedule(TimerDefinition definition, ObjectNode variables) {
        try {
            Optional<String> variable = definition.variable();
            if (variable.isEmpty()) {
                return Optional.of(definition.schedule());
            }
            JsonNode value = variables == null ? null : variables.get(variable.get());
            return value == null || !value.isTextual() ? Optional.empty()
                    : Optional.of(TimerSchedule.parse(definition.type(), value.textValue()));
        } catch (TimerSchedule.InvalidTimerException e) {
            return Optional.empty();
        }
    }
}
