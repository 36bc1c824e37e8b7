package io.ferry.expression;

/** A condition that cannot be compiled; the message says why, for a build error. */
public final class InvalidConditionException extends RuntimeException {

    public InvalidConditionException(String reason) {
        super(reason);
    }
}
