package io.ferry.operation;

import io.vertx.pgclient.PgException;

/** Recognises how PostgreSQL reports that two writes raced for one Idempotency-Key or one message id. */
public final class Conflicts {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String IDEMPOTENCY_KEY = "ferry_idempotency_key_pkey";
    private static final String MESSAGE_RECEIPT = "ferry_message_receipt_pkey";

    private Conflicts() {
    }

    /** A start lost the race for its Idempotency-Key to a start that committed first. */
    static boolean isDuplicateIdempotencyKey(Throwable failure) {
        return isUniqueViolation(failure, IDEMPOTENCY_KEY);
    }

    /** A delivery lost to an earlier delivery of a message with the same message id: it stored nothing. */
    public static boolean isDuplicateMessage(Throwable failure) {
        return isUniqueViolation(failure, MESSAGE_RECEIPT);
    }

    private static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    && constraint.equals(pg.getConstraint())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
