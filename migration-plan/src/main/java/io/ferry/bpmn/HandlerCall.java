package io.ferry.bpmn;

import io.ferry.source.SourcePosition;

/**
 * A node of a checked definition that calls a handler, where its file writes it: for the checks that need the
 * application's code (the build looks for the handler's bean), so that their problems point at the BPMN as the
 * reader's own do.
 *
 * @param element the BPMN element, as problems name it ({@code serviceTask})
 * @param handler the handler's name ({@link HandlerName})
 */
public record HandlerCall(String resource, SourcePosition position, String nodeId, String element, String handler) {

    /** A problem of this call, reading like the reader's own: {@code processes/order.bpmn:7:5 [charge] message}. */
    public String problem(String message) {
        return new BpmnProblem(resource, position, nodeId, message).toString();
    }
}
