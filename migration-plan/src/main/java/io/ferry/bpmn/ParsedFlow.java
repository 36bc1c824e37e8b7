package io.ferry.bpmn;

import io.ferry.source.SourcePosition;

/**
 * A sequence flow as read from the XML, before the process-wide checks.
 *
 * @param condition the body of its conditionExpression as written, or null when it has none
 * @param conditionLanguage the conditionExpression's language attribute, or null
 * @param conditionPosition where the conditionExpression is, for problems with it
 */
record ParsedFlow(
        String id,
        String name,
        String sourceRef,
        String targetRef,
        String condition,
        String conditionLanguage,
        SourcePosition position,
        SourcePosition conditionPosition) {
}
