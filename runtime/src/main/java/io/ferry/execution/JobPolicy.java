package io.ferry.execution;

import io.ferry.definition.NodeDetails;
import java.time.Duration;
import java.util.Objects;

/**
 * How jobs are retried where the BPMN says nothing: attempts in all and the delay before the
 * second one, doubling after each failure up to a ceiling. A task's own settings win.
 *
 * @param attempts attempts in all, the first included
 * @param backoff the delay before the second attempt
 * @param maxBackoff the longest delay between two attempts, however many failed
 */
public record JobPolicy(int attempts, Duration backoff, Duration maxBackoff) {

    /** Three attempts, one second apart at first, never more than ten minutes apart. */
    public static final JobPolicy DEFAULT = new JobPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(10));

    public JobPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("a job needs at least one attempt, not " + attempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** The attempts the task allows before an incident. */
    public int attemptsOf(NodeDetails.ServiceTask task) {
        return task.retries() != null ? task.retries() : attempts;
    }

    /** The delay after the {@code failed}-th failed attempt: the first delay, doubled for each failure before. */
    public Duration delayAfter(NodeDetails.ServiceTask task, int failed) {
        Duration first = task.retryBackoff() != null ? task.retryBackoff() : backoff;
        Duration delay = first;
        for (int i = 1; i < failed && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
