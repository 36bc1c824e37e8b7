package io.ferry.bpmn;

/**
 * One thing wrong with a BPMN file, for a build error a person reads.
 *
 * @param resource the file, as the application names it (e.g. {@code processes/order.bpmn})
 * @param line the line of the offending element's start tag, or of the XML error
 * @param elementId the id of the offending element, or null when it has none
 * @param message what is wrong and, where it helps, what to do; one of {@link BpmnMessages}
 */
public record BpmnProblem(String resource, int line, String elementId, String message) {

    /** Reads like {@code processes/order.bpmn:42 [approveOrder] exclusive gateway has ...}. */
    @Override
    public String toString() {
        String element = elementId == null ? "" : " [" + elementId + "]";
        return resource + ":" + line + element + " " + message;
    }
}
