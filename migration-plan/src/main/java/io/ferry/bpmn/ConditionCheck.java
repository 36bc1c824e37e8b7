package io.ferry.bpmn;

import io.ferry.expression.Condition;
import io.ferry.expression.InvalidConditionException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a sequence-flow condition at build time, so that a bad one fails the build instead of an
 * instance. Only the conditionExpression's own {@code language} counts: the definitions-level
 * expressionLanguage is ignored, because modelers write XPath or FEEL there by default while the
 * conditions themselves are {@code ${...}} expressions.
 */
final class ConditionCheck {

    private static final Set<String> JAVA = Set.of("http://www.java.com/java", "java");
    private static final Set<String> EXPRESSION_LANGUAGES = Set.of(
            "jexl", "http://commons.apache.org/jexl", "juel", "http://www.jcp.org/en/jsr/detail?id=245");

    private ConditionCheck() {
    }

    /** The problem with a condition, or null when it compiles. */
    static String problemWith(String condition, String language) {
        if (language != null) {
            String normalized = language.toLowerCase(Locale.ROOT);
            if (JAVA.contains(normalized)) {
                return String.format(BpmnMessages.CONDITION_IN_JAVA, language);
            }
            if (normalized.contains("feel")) {
                return BpmnMessages.CONDITION_IN_FEEL;
            }
            if (!EXPRESSION_LANGUAGES.contains(normalized)) {
                return String.format(BpmnMessages.CONDITION_IN_OTHER_LANGUAGE, language);
            }
        }
        if (condition.strip().startsWith("=")) {
            return BpmnMessages.CONDITION_IN_FEEL; // Camunda 8 writes FEEL as "=expression"
        }
        try {
            Condition.compile(condition);
            return null;
        } catch (InvalidConditionException e) {
            return String.format(BpmnMessages.CONDITION_INVALID, e.getMessage());
        }
    }
}
