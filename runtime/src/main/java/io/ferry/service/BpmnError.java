package io.ferry.service;

import java.util.Objects;

/**
 * A business error a handler raises instead of failing: the service task ends, and the error boundary
 * event that catches its code (on the task, or on a sub-process around it) takes the token on. Not
 * retried; one that nothing catches is an incident.
 */
public class BpmnError extends Exception {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public BpmnError(String errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** The code an error boundary event catches ({@code <error errorCode="…">}). */
    public String errorCode() {
        return errorCode;
    }
}
