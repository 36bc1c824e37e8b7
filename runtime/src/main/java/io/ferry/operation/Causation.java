package io.ferry.operation;

import java.util.UUID;

/**
 * Who asked for an operation, for the history: {@code causationId} becomes the causation id of the
 * operation's first event; {@code correlationId} is used when the operation starts an instance.
 */
public record Causation(String causationId, String correlationId) {

    /** A client's request: its X-Request-Id and X-Correlation-Id headers, either of them absent or blank. */
    public static Causation of(String requestId, String correlationId) {
        String id = blank(requestId) ? UUID.randomUUID().toString() : requestId;
        return new Causation(id, blank(correlationId) ? null : correlationId);
    }

    /** An operation no client asked for: a timer, a job's report, a buffered message. */
    public static Causation ofPod() {
        return of(null, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
