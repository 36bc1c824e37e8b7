package io.ferry.execution.behaviours;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.definition.Node;
import io.ferry.definition.TimerDefinition;
import io.ferry.definition.TimerSchedule;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arming timers, for timer catch events, the events after an event-based gateway and boundary
 * timers. A timer's text was checked at build time; a timer that names a variable is read here,
 * when armed. Timers rest with their token; the rows that make them fire are effects.
 */
public final class TimerBehaviour {

    /** A timer armed, or why it could not be. */
    public record Armed(Timer timer, Refusal refusal) {
    }

    /** Arms the timer of a node at the operation's moment, and records it in the history. */
    public Armed arm(Node node, TimerDefinition definition, String tokenId, Run run) {
        Optional<String> variable = definition.variable();
        if (variable.isEmpty()) {
            return armed(node, definition.schedule(), tokenId, run);
        }
        JsonNode value = run.variables().get(variable.get());
        String problem;
        if (value == null || !value.isTextual()) {
            problem = "not text";
        } else {
            try {
                return armed(node, TimerSchedule.parse(definition.type(), value.textValue()), tokenId, run);
            } catch (TimerSchedule.InvalidTimerException e) {
                problem = e.getMessage();
            }
        }
        return new Armed(null, Refusal.timerVariableInvalid(run.instanceId(), node, definition, variable.get(), value,
                problem + " (expected " + definition.type().expected() + ")"));
    }

    private static Armed armed(Node node, TimerSchedule schedule, String tokenId, Run run) {
        Timer timer = new Timer(run.newTimerId(), node.id(), run.now(), schedule.firstDue(run.now()), 0);
        run.record(EngineEvent.TIMER_SCHEDULED, node.id(), tokenId,
                run.variables().objectNode().put("timerId", timer.id()).put("dueAt", timer.dueAt().toString()));
        return new Armed(timer, null);
    }

    /**
     * The token's timers once one of them fired: a cycle with repetitions left is armed again for its
     * next one, anything else is dropped.
     */
    public List<Timer> afterFiring(Token token, Timer fired, TimerDefinition definition, Run run) {
        TimerSchedule schedule = scheduleOf(definition, run);
        Optional<Instant> next = schedule == null || definition.type() != TimerDefinition.Type.CYCLE
                ? Optional.empty() : schedule.nextDue(fired.dueAt(), fired.fired() + 1);
        List<Timer> timers = new ArrayList<>();
        for (Timer timer : token.timers()) {
            if (!timer.id().equals(fired.id())) {
                timers.add(timer);
            } else if (next.isPresent()) {
                timers.add(new Timer(timer.id(), timer.nodeId(), fired.dueAt(), next.get(), timer.fired() + 1));
            }
        }
        return timers;
    }

    /** The schedule a timer was armed with, to find a cycle's next repetition. */
    private static TimerSchedule scheduleOf(TimerDefinition definition, Run run) {
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
