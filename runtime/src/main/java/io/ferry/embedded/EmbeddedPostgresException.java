package io.ferry.embedded;

/** The embedded PostgreSQL could not be set up, started or stopped; the message says what to do. */
public final class EmbeddedPostgresException extends RuntimeException {

    public EmbeddedPostgresException(String message) {
        super(message);
    }

    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
