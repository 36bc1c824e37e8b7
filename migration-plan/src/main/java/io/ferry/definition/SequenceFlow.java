package io.ferry.definition;

/**
 * A sequence flow between two nodes of the same scope.
 *
 * @param condition the condition expression as the analyst wrote it without its {@code ${...}}
 *     wrapper, or null for an unconditional flow
 */
public record SequenceFlow(String id, String name, String sourceId, String targetId, String condition) {
}
