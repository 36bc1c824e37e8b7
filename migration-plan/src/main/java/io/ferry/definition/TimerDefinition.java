package io.ferry.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timer as the BPMN gives it: a date, a duration or a repeating cycle in ISO 8601, or an
 * expression naming the variable that holds one ({@code ${reminderDelay}}, Kogito's
 * {@code #{reminderDelay}} or Camunda 8's {@code =reminderDelay}), read when the timer is armed.
 *
 * @param type which of the three the text is
 * @param text as written in the BPMN, trimmed
 */
public record TimerDefinition(Type type, String text) {

    /** The three ways BPMN states a timer, by the element that holds its text. */
    public enum Type {
        DATE("timeDate", "an ISO 8601 date-time with an offset, e.g. 2027-01-31T09:00:00Z"),
        DURATION("timeDuration", "an ISO 8601 duration, e.g. PT15M or P2D"),
        CYCLE("timeCycle", "an ISO 8601 repeating interval, e.g. R3/PT10M, R/P1D or R2/2027-01-31T09:00:00Z/PT1H");

        private final String element;
        private final String expected;

        Type(String element, String expected) {
            this.element = element;
            this.expected = expected;
        }

        /** The BPMN element that holds the text. */
        public String element() {
            return element;
        }

        /** What a valid text looks like, for messages. */
        public String expected() {
            return expected;
        }
    }

    private static final Pattern VARIABLE =
            Pattern.compile("^(?:[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}|=\\s*([A-Za-z_][A-Za-z0-9_]*))$");

    public TimerDefinition {
        Objects.requireNonNull(type, "type");
        text = Objects.requireNonNull(text, "text").trim();
    }

    /** The variable whose value is the timer, when the text names one instead of stating it. */
    public Optional<String> variable() {
        Matcher matcher = VARIABLE.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /** Whether the text looks like an expression at all (checked against {@link #variable()} at build time). */
    @JsonIgnore
    public boolean isExpression() {
        return text.startsWith("${") || text.startsWith("=") || text.startsWith("#{");
    }

    /** The schedule the text states; for an expression, call {@link TimerSchedule#parse} with the variable's value. */
    public TimerSchedule schedule() {
        return TimerSchedule.parse(type, text);
    }
}
