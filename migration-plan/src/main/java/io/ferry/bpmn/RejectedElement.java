package io.ferry.bpmn;

/**
 * An element of a process that Ferry rejected (already reported). Kept so that sequence flows
 * touching it, or a scope whose only start event it is, raise no second problem.
 */
record RejectedElement(String id, String elementName, String scopeId) {
}
