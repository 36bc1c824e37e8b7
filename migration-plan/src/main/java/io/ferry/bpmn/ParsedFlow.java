package io.ferry.bpmn;

/**
 * A sequence flow as read from the XML, before the process-wide checks.
 *
 * @param condition the body of its conditionExpression as written, or null when it has none
 * @param conditionLanguage the conditionExpression's language attribute, or null
 * @param conditionLine the line of the conditionExpression, for problems with it
 */
record ParsedFlow(
        String id,
        String name,
        String sourceRef,
        String targetRef,
        String condition,
        String conditionLanguage,
        int line,
        int conditionLine) {
}
