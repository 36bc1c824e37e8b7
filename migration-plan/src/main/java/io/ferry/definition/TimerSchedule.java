package io.ferry.definition;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a timer is due: parsed from ISO 8601 text, then asked for its first due time when armed and,
 * for a cycle, for each next one. Due times follow the schedule, not the moment a timer fired, so a
 * late firing does not push the later ones back.
 *
 * @param date the due date of a {@code timeDate}, or of the first repetition of a cycle that states its start; else null
 * @param period the calendar part of a duration or cycle interval (years, months, weeks, days), else zero
 * @param duration the clock part (hours, minutes, seconds), else zero
 * @param repetitions how often a cycle fires; -1 for a cycle without end, 1 for a date or duration
 */
public record TimerSchedule(Instant date, Period period, Duration duration, int repetitions) {

    /** Thrown for text that is not a valid timer; the message says what was expected. */
    public static final class InvalidTimerException extends IllegalArgumentException {
        InvalidTimerException(String message) {
            super(message);
        }
    }

    private static final Pattern CYCLE = Pattern.compile("^R(\\d*)/(?:([^/]+)/)?(P[^/]+)$");
    private static final Pattern DURATION = Pattern.compile("^P(?!$)((?:\\d+Y)?(?:\\d+M)?(?:\\d+W)?(?:\\d+D)?)(T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:[.,]\\d+)?S)?)?$");

    public static TimerSchedule parse(TimerDefinition.Type type, String text) {
        String trimmed = text == null ? "" : text.trim();
        return switch (type) {
            case DATE -> new TimerSchedule(date(trimmed, type), Period.ZERO, Duration.ZERO, 1);
            case DURATION -> interval(trimmed, type, 1, null);
            case CYCLE -> cycle(trimmed);
        };
    }

    /** When a timer armed at this moment is first due. */
    public Instant firstDue(Instant armedAt) {
        if (date != null) {
            return date;
        }
        return after(armedAt);
    }

    /** When the cycle is due next after it fired for the {@code fired}-th time at {@code due}; empty when it is over. */
    public Optional<Instant> nextDue(Instant due, int fired) {
        if (repetitions >= 0 && fired >= repetitions) {
            return Optional.empty();
        }
        return Optional.of(after(due));
    }

    private Instant after(Instant moment) {
        return moment.atOffset(ZoneOffset.UTC).plus(period).plus(duration).toInstant();
    }

    private static TimerSchedule cycle(String text) {
        Matcher matcher = CYCLE.matcher(text);
        if (!matcher.matches()) {
            throw invalid(TimerDefinition.Type.CYCLE, text);
        }
        int repetitions;
        try {
            repetitions = matcher.group(1).isEmpty() ? -1 : Integer.parseInt(matcher.group(1));
        } catch (NumberFormatException e) {
            throw invalid(TimerDefinition.Type.CYCLE, text);
        }
        if (repetitions == 0) {
            throw new InvalidTimerException("'" + text + "' repeats zero times; write R1 or more, or R for no end");
        }
        Instant start = matcher.group(2) == null ? null : date(matcher.group(2), TimerDefinition.Type.CYCLE);
        return interval(matcher.group(3), TimerDefinition.Type.CYCLE, repetitions, start);
    }

    private static TimerSchedule interval(String text, TimerDefinition.Type type, int repetitions, Instant start) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw invalid(type, text);
        }
        try {
            String calendar = matcher.group(1);
            Period period = calendar.isEmpty() ? Period.ZERO : Period.parse("P" + calendar);
            Duration clock = matcher.group(2) == null ? Duration.ZERO : Duration.parse("P" + matcher.group(2).replace(',', '.'));
            if (type == TimerDefinition.Type.CYCLE && period.isZero() && clock.isZero()) {
                throw new InvalidTimerException("'" + text + "' is a cycle with a zero interval; give it a length, e.g. PT10M");
            }
            return new TimerSchedule(start, period, clock, repetitions);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(type, text);
        }
    }

    private static Instant date(String text, TimerDefinition.Type type) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.ISO_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            if (text.matches("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+$")) {
                throw new InvalidTimerException("'" + text + "' has no offset, so its moment depends on the server's "
                        + "time zone; add Z for UTC or an offset such as +01:00");
            }
            throw invalid(type, text);
        }
    }

    private static InvalidTimerException invalid(TimerDefinition.Type type, String text) {
        return new InvalidTimerException("'" + text + "' is not " + type.expected());
    }
}
