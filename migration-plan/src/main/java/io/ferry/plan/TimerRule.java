package io.ferry.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a migration does to a timer that lands on a timer event of the new version. */
public enum TimerRule {
    /** The timer keeps its due time: the default, and what a running instance was promised. */
    KEEP,
    /** The due time is worked out again from when the timer was armed, with the new version's timer: elapsed time counts. */
    RESCHEDULE,
    /** The timer starts again from the moment of the migration, with the new version's timer. */
    RESTART;

    /** How plans write it. */
    @JsonValue
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TimerRule of(String written) {
        return find(written).orElseThrow(() -> new IllegalArgumentException("not a timer rule: " + written));
    }

    static Optional<TimerRule> find(String written) {
        return Arrays.stream(values()).filter(rule -> rule.written().equals(written)).findFirst();
    }

    /** The rules as a plan writes them, for messages: "keep, reschedule or restart". */
    static String choices() {
        String all = Arrays.stream(values()).map(TimerRule::written).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
