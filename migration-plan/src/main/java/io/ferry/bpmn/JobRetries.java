package io.ferry.bpmn;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service task's retry settings from what modelers write: Ferry's {@code ferry:retries} and
 * {@code ferry:retryBackoff}, Camunda 8's {@code <zeebe:taskDefinition retries="3"/>}, and Camunda
 * 7's {@code <camunda:failedJobRetryTimeCycle>R3/PT10S</camunda:failedJobRetryTimeCycle>}. Ferry's
 * attributes win over the others; each number counts attempts in all, the first one included.
 */
final class JobRetries {

    static final int MAX_ATTEMPTS = 1000;
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);
    private static final Pattern CYCLE = Pattern.compile("R(\\d{1,9})/(P\\S+)");

    /** Attempts and first delay as read; either may be null (the configured default applies). */
    record Settings(Integer retries, Duration backoff) {
    }

    private JobRetries() {
    }

    /** The attempts written, or null when the text is not a whole number from 1 to {@link #MAX_ATTEMPTS}. */
    static Integer attempts(String text) {
        if (text == null || !text.strip().matches("\\d{1,9}")) {
            return null;
        }
        int attempts = Integer.parseInt(text.strip());
        return attempts >= 1 && attempts <= MAX_ATTEMPTS ? attempts : null;
    }

    /** The delay written, or null when the text is not an ISO-8601 duration from 1 ms to a day. */
    static Duration backoff(String text) {
        if (text == null) {
            return null;
        }
        try {
            Duration delay = Duration.parse(text.strip());
            return delay.toMillis() >= 1 && delay.compareTo(MAX_BACKOFF) <= 0 ? delay : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Camunda 7's {@code R3/PT10S}: three attempts, ten seconds apart; null when it is not of that form. */
    static Settings cycle(String text) {
        Matcher matcher = CYCLE.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return null;
        }
        Integer attempts = attempts(matcher.group(1));
        Duration backoff = backoff(matcher.group(2));
        return attempts == null || backoff == null ? null : new Settings(attempts, backoff);
    }
}
