package io.ferry.expression;

/**
 * An operator met operands of kinds it does not accept. It is an ArithmeticException because
 * that is what JEXL's interpreter wraps with the operator's position and passes on.
 */
final class ConditionTypeError extends ArithmeticException {

    ConditionTypeError(String message) {
        super(message);
    }
}
