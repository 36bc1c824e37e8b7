package io.ferry.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * A sequence-flow condition, compiled once. Conditions are JEXL expressions over the instance
 * variables, run in a sandbox: no loops, no assignments, no object creation, no lambdas, and only
 * the harmless java.lang / java.util members JEXL's restricted permissions allow (no classes,
 * reflection, I/O or system access). The JUEL-style {@code ${...}} / {@code #{...}} wrapper that
 * Camunda and Flowable modelers write is accepted and removed. Operators never coerce: see
 * {@link ConditionArithmetic} for the rules.
 */
public final class Condition {

    static final String NOT_A_BOOLEAN = "it gave %s, not true or false";
    static final String VARIABLE_NOT_SET = "variable '%s' is not set";
    static final String VARIABLE_NULL = "variable '%s' is null";
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
    private static final JexlEngine ENGINE = new ConditionEngine(new JexlBuilder()
            .features(FEATURES)
            .permissions(JexlPermissions.RESTRICTED)
            .arithmetic(new ConditionArithmetic())
            .strict(true)
            .silent(false)
            .safe(false)
            .cache(0));

    private final String source;
    private final JexlExpression expression;
    private final List<List<String>> variablePaths;

    private Condition(String source, JexlExpression expression) {
        this.source = source;
        this.expression = expression;
        this.variablePaths = expression instanceof JexlScript script
                ? script.getVariables().stream().sorted(Comparator.comparing(path -> String.join(".", path))).toList()
                : List.of();
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

    /** The top-level variables the condition reads, sorted: {@code amount > limit.max} reads amount and limit. */
    public List<String> variableNames() {
        return variablePaths.stream().map(path -> path.get(0)).distinct().sorted().toList();
    }

    /**
     * Evaluates the condition against the instance variables.
     *
     * @throws ConditionFailedException when a variable is missing, an operator meets a value of a
     *     kind it does not take, or the result is not a boolean
     */
    public boolean isMetBy(JsonNode variables) {
        Object result;
        try {
            result = expression.evaluate(new MapContext(ConditionVariables.of(variables)));
        } catch (JexlException e) {
            throw new ConditionFailedException(source, describe(e));
        }
        if (result instanceof Boolean met) {
            return met;
        }
        throw new ConditionFailedException(source, NOT_A_BOOLEAN.formatted(JsonKind.describe(result)));
    }

    /**
     * What the variables this condition reads hold, for a person reading why it was false:
     * {@code approved is the string "no"}; empty when it reads none.
     */
    public String valuesIn(JsonNode variables) {
        return variablePaths.stream()
                .map(path -> ConditionVariables.describe(variables, path))
                .collect(Collectors.joining(", "));
    }

    private static String describe(JexlException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConditionTypeError mismatch) {
                return mismatch.getMessage();
            }
        }
        if (e instanceof JexlException.Variable variable) {
            return (variable.isUndefined() ? VARIABLE_NOT_SET : VARIABLE_NULL).formatted(variable.getVariable());
        }
        if (e instanceof JexlException.Feature feature) {
            return "it uses a feature conditions may not use (" + feature.getMessage().replaceAll(".*feature", "feature").strip() + ")";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.substring(Math.max(0, message.indexOf(' ') + 1)).strip();
    }
}
