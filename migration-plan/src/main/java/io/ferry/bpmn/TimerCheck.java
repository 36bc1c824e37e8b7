package io.ferry.bpmn;

import io.ferry.definition.TimerDefinition;
import io.ferry.definition.TimerSchedule;

/** Checks a timer's text at build time, so that a pod never meets a timer it cannot schedule. */
final class TimerCheck {

    private TimerCheck() {
    }

    /** What is wrong with the timer, or null when it is valid (an expression is checked when it is armed). */
    static String problemWith(TimerDefinition timer) {
        if (timer.isExpression()) {
            return timer.variable().isPresent() ? null
                    : String.format(BpmnMessages.TIMER_EXPRESSION, timer.type().element(), timer.text());
        }
        try {
            TimerSchedule.parse(timer.type(), timer.text());
            return null;
        } catch (TimerSchedule.InvalidTimerException e) {
            return String.format(BpmnMessages.TIMER_INVALID, timer.type().element(), e.getMessage());
        }
    }
}
