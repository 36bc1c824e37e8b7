package io.ferry.instance;

import java.util.UUID;

/**
 * Who asked for an operation, for the history: the command id becomes the causation id of the
 * operation's first event; the correlation id is used when the operation starts an instance.
 */
public record Command(String commandId, String correlationId) {

    public static Command of(String requestId, String correlationId) {
        String id = blank(requestId) ? UUID.randomUUID().toString() : requestId;
        return new Command(id, blank(correlationId) ? null : correlationId);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
