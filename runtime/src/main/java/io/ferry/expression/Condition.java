package io.ferry.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * A sequence-flow condition, compiled once. Conditions are JEXL expressions over the instance
 * variables, run in a sandbox: no loops, no assignments, no object creation, no lambdas, and only
 * the harmless java.lang / java.util members JEXL's restricted permissions allow (no classes,
 * reflection, I/O or system access). The JUEL-style {@code ${...}} / {@code #{...}} wrapper that
 * Camunda and Flowable modelers write is accepted and removed.
 */
public final class Condition {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JexlFeatures FEATURES = new JexlFeatures()
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .newInstance(false)
            .lambda(false)
            .localVar(false)
            .script(false)
            .pragma(false)
            .annotation(false)
            .register(false);
    private static final JexlEngine ENGINE = new JexlBuilder()
            .features(FEATURES)
            .permissions(JexlPermissions.RESTRICTED)
            .strict(true)
            .silent(false)
            .safe(false)
            .cache(0)
            .create();

    private final String source;
    private final JexlExpression expression;

    private Condition(String source, JexlExpression expression) {
        this.source = source;
        this.expression = expression;
    }

    /**
     * Compiles an expression.
     *
     * @throws InvalidConditionException naming what is wrong with it, for a build error
     */
    public static Condition compile(String source) {
        String body = unwrap(source);
        if (body.isBlank()) {
            throw new InvalidConditionException("the condition is empty");
        }
        try {
            return new Condition(body, ENGINE.createExpression(body));
        } catch (JexlException e) {
            throw new InvalidConditionException(describe(e));
        }
    }

    /** Removes the {@code ${...}} or {@code #{...}} wrapper modelers write, and surrounding blanks. */
    public static String unwrap(String source) {
        String body = source == null ? "" : source.strip();
        if ((body.startsWith("${") || body.startsWith("#{")) && body.endsWith("}")) {
            body = body.substring(2, body.length() - 1).strip();
        }
        return body;
    }

    public String source() {
        return source;
    }

    /**
     * Evaluates the condition against the instance variables.
     *
     * @throws ConditionFailedException when a variable is missing or the result is not a boolean
     */
    public boolean isMetBy(JsonNode variables) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(variables, Map.class);
        JexlContext context = new MapContext(values);
        Object result;
        try {
            result = expression.evaluate(context);
        } catch (JexlException e) {
            throw new ConditionFailedException(source, describe(e));
        }
        if (result instanceof Boolean met) {
            return met;
        }
        throw new ConditionFailedException(source, "it gave " + (result == null ? "null" : "'" + result + "'") + ", not true or false");
    }

    private static String describe(JexlException e) {
        if (e instanceof JexlException.Variable variable) {
            return "variable '" + variable.getVariable() + "' is not set";
        }
        if (e instanceof JexlException.Feature feature) {
            return "it uses a feature conditions may not use (" + feature.getMessage().replaceAll(".*feature", "feature").strip() + ")";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.substring(Math.max(0, message.indexOf(' ') + 1)).strip();
    }
}
