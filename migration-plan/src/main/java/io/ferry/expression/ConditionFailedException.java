package io.ferry.expression;

/** A condition that could not be evaluated against an instance's variables. */
public final class ConditionFailedException extends RuntimeException {

    private final String condition;
    private final String reason;

    public ConditionFailedException(String condition, String reason) {
        super("condition '" + condition + "' could not be evaluated: " + reason);
        this.condition = condition;
        this.reason = reason;
    }

    public String condition() {
        return condition;
    }

    public String reason() {
        return reason;
    }
}
