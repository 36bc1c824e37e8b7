package io.ferry.instance;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/** Recognises the ways PostgreSQL and Hibernate report that two operations raced on one instance. */
final class Conflicts {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String IDEMPOTENCY_KEY = "ferry_idempotency_key_pkey";

    private Conflicts() {
    }

    /** A start lost the race for its Idempotency-Key to a start that committed first. */
    static boolean isDuplicateIdempotencyKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && IDEMPOTENCY_KEY.equals(violation.getConstraintName())) {
                return true;
            }
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

    static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
            String sqlState = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (UNIQUE_VIOLATION.equals(sqlState) || SERIALIZATION_FAILURE.equals(sqlState)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
