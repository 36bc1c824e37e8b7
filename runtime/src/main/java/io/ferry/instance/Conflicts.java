package io.ferry.instance;

import io.vertx.pgclient.PgException;

/** Recognises how PostgreSQL reports that two starts raced for one Idempotency-Key. */
final class Conflicts {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String IDEMPOTENCY_KEY = "ferry_idempotency_key_pkey";

    private Conflicts() {
    }

    /** A start lost the race for its Idempotency-Key to a start that committed first. */
    static boolean isDuplicateIdempotencyKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && IDEMPOTENCY_KEY.equals(pg.getConstraint())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
