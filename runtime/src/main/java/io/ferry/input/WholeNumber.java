package io.ferry.input;

import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;

/**
 * Reads a whole-number query parameter. JAX-RS answers 404 when an {@code int} parameter does not
 * parse; the parameter was found, it is only wrong, so Ferry reads it itself and answers 400 naming it.
 */
public final class WholeNumber {

    public static final String NOT_A_WHOLE_NUMBER = "Query parameter %s must be a whole number from %d to %d; got '%s'.";

    private WholeNumber() {
    }

    public static int parse(String name, String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw Problem.of(ProblemType.INVALID_REQUEST, NOT_A_WHOLE_NUMBER.formatted(name, Integer.MIN_VALUE,
                    Integer.MAX_VALUE, FieldPath.escaped(raw))).with("field", name).exception();
        }
    }
}
