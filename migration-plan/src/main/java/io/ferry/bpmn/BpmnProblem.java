package io.ferry.bpmn;

import io.ferry.source.SourcePosition;

/**
 * One thing wrong with a BPMN file, for a build error a person reads.
 *
 * @param resource the file, as the application names it (e.g. {@code processes/order.bpmn})
 * @param position where the offending element's start tag begins (its {@code <}), or where the XML error is
 * @param elementId the id of the offending element, or null when it has none
 * @param message what is wrong and, where it helps, what to do; one of {@link BpmnMessages}
 */
public record BpmnProblem(String resource, SourcePosition position, String elementId, String message) {

    /** Reads like {@code processes/order.bpmn:42:5 [approveOrder] exclusive gateway has ...}, as plan problems and editors do. */
    @Override
    public String toString() {
        String element = elementId == null ? "" : " [" + elementId + "]";
        return resource + ":" + position.line() + ":" + position.column() + element + " " + message;
    }
}
