package io.ferry.plan;

import io.ferry.source.SourcePosition;

/**
 * Something wrong with a plan file, found while reading or checking it.
 * Prints as {@code plans/order-1-to-2.yaml:7:3: message}, the form editors and CI logs link to.
 *
 * @param line 1-based, or 0 when the position is not known
 * @param column 1-based, or 0 when the position is not known
 */
public record PlanProblem(String file, int line, int column, String message) {

    public static PlanProblem at(String file, SourcePosition position, String message) {
        return new PlanProblem(file, position.line(), position.column(), message);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
