package io.ferry.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;
import org.apache.commons.jexl3.JexlArithmetic;
import org.apache.commons.jexl3.JexlOperator;

/**
 * The operators of conditions, without coercion: JEXL's own arithmetic turns {@code "no"} into a
 * boolean and {@code "1"} into a number, so a branch could be taken for data the modeler never
 * meant. Here values of different JSON kinds are never equal and never ordered, only booleans
 * are true or false, and numbers are exact decimals ({@link ExactNumbers}). Every operator
 * receives null itself (none is "strict" in JEXL's sense), so its message can say what it got.
 */
final class ConditionArithmetic extends JexlArithmetic {

    static final String ORDER = "'%s' compares two numbers or two strings, not %s and %s";
    static final String ARITHMETIC = "'%s' needs two numbers, not %s and %s";
    static final String ADD = "'+' adds two numbers or joins two strings, not %s and %s";
    static final String SIGN = "'%s' needs a number, not %s";
    static final String DIVISION_BY_ZERO = "'%s' cannot divide %s by zero";
    static final String AND_OR = "'&&' and '||' take only true or false, not %s";
    static final String NOT = "'!' takes only true or false, not %s";
    static final String TERNARY = "the condition before '?' takes only true or false, not %s";
    static final String BITWISE = "'%s' takes only true or false (combine conditions with && and ||), not %s and %s";
    static final String UNAVAILABLE = "'%s' is not available in conditions; combine conditions with && and ||";
    static final String MATCH = "'%s' matches a string against a pattern, not %s";
    static final String TEXT = "'%s' needs two strings, not %s and %s";

    ConditionArithmetic() {
        super(true);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return new ConditionArithmetic();
    }

    @Override
    public boolean isStrict(JexlOperator operator) {
        return false;
    }

    // --- equality: same kind and same value, numbers by decimal value, arrays and objects element by element

    @Override
    public boolean equals(Object left, Object right) {
        JsonKind kind = JsonKind.of(left);
        if (kind != JsonKind.of(right)) {
            return false;
        }
        return switch (kind) {
            case NULL -> true;
            case NUMBER -> ExactNumbers.of((Number) left).compareTo(ExactNumbers.of((Number) right)) == 0;
            case STRING -> left.toString().equals(right.toString());
            case ARRAY -> sameElements(JsonKind.elements(left), JsonKind.elements(right));
            case OBJECT -> sameMembers((Map<?, ?>) left, (Map<?, ?>) right);
            case BOOLEAN, OTHER -> left.equals(right);
        };
    }

    @Override
    public boolean strictEquals(Object left, Object right) {
        return equals(left, right);
    }

    private boolean sameElements(List<?> left, List<?> right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            if (!equals(left.get(i), right.get(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean sameMembers(Map<?, ?> left, Map<?, ?> right) {
        return left.keySet().equals(right.keySet())
                && left.entrySet().stream().allMatch(entry -> equals(entry.getValue(), right.get(entry.getKey())));
    }

    // --- order: only two numbers or two strings

    @Override
    public boolean lessThan(Object left, Object right) {
        return order("<", left, right) < 0;
    }

    @Override
    public boolean lessThanOrEqual(Object left, Object right) {
        return order("<=", left, right) <= 0;
    }

    @Override
    public boolean greaterThan(Object left, Object right) {
        return order(">", left, right) > 0;
    }

    @Override
    public boolean greaterThanOrEqual(Object left, Object right) {
        return order(">=", left, right) >= 0;
    }

    private static int order(String operator, Object left, Object right) {
        JsonKind kind = JsonKind.of(left);
        if (kind == JsonKind.NUMBER && JsonKind.of(right) == kind) {
            return ExactNumbers.of((Number) left).compareTo(ExactNumbers.of((Number) right));
        }
        if (kind == JsonKind.STRING && JsonKind.of(right) == kind) {
            return left.toString().compareTo(right.toString());
        }
        throw mismatch(ORDER, operator, left, right);
    }

    // --- arithmetic: numbers only, exact; '+' also joins two strings

    @Override
    public Object add(Object left, Object right) {
        if (JsonKind.of(left) == JsonKind.STRING && JsonKind.of(right) == JsonKind.STRING) {
            return left.toString() + right;
        }
        if (JsonKind.of(left) != JsonKind.NUMBER || JsonKind.of(right) != JsonKind.NUMBER) {
            throw new ConditionTypeError(ADD.formatted(JsonKind.describe(left), JsonKind.describe(right)));
        }
        return ExactNumbers.of((Number) left).add(ExactNumbers.of((Number) right));
    }

    @Override
    public Object subtract(Object left, Object right) {
        return numbers("-", left, right, BigDecimal::subtract);
    }

    @Override
    public Object multiply(Object left, Object right) {
        return numbers("*", left, right, BigDecimal::multiply);
    }

    @Override
    public Object divide(Object left, Object right) {
        return numbers("/", left, right, (dividend, divisor) -> dividend.divide(nonZero("/", dividend, divisor), ExactNumbers.DIVISION));
    }

    @Override
    public Object mod(Object left, Object right) {
        return numbers("%", left, right, (dividend, divisor) -> dividend.remainder(nonZero("%", dividend, divisor)));
    }

    @Override
    public Object negate(Object value) {
        return number("-", value).negate();
    }

    @Override
    public Object positivize(Object value) {
        return number("+", value);
    }

    private static BigDecimal numbers(String operator, Object left, Object right, BinaryOperator<BigDecimal> operation) {
        if (JsonKind.of(left) != JsonKind.NUMBER || JsonKind.of(right) != JsonKind.NUMBER) {
            throw mismatch(ARITHMETIC, operator, left, right);
        }
        return operation.apply(ExactNumbers.of((Number) left), ExactNumbers.of((Number) right));
    }

    private static BigDecimal nonZero(String operator, BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new ConditionTypeError(DIVISION_BY_ZERO.formatted(operator, dividend.toPlainString()));
        }
        return divisor;
    }

    private static BigDecimal number(String operator, Object value) {
        if (JsonKind.of(value) != JsonKind.NUMBER) {
            throw new ConditionTypeError(SIGN.formatted(operator, JsonKind.describe(value)));
        }
        return ExactNumbers.of((Number) value);
    }

    // --- truth: only booleans

    @Override
    public boolean toBoolean(Object value) {
        return truth(AND_OR, value);
    }

    @Override
    public boolean testPredicate(Object value) {
        return truth(AND_OR, value);
    }

    @Override
    public Object not(Object value) {
        return !truth(NOT, value);
    }

    /** @throws ConditionTypeError naming the operator (by its message) and the value, unless it is a boolean */
    static boolean truth(String message, Object value) {
        if (value instanceof Boolean truth) {
            return truth;
        }
        throw new ConditionTypeError(message.formatted(JsonKind.describe(value)));
    }

    @Override
    public Object and(Object left, Object right) {
        return booleans("&", left, right, Boolean::logicalAnd);
    }

    @Override
    public Object or(Object left, Object right) {
        return booleans("|", left, right, Boolean::logicalOr);
    }

    @Override
    public Object xor(Object left, Object right) {
        return booleans("^", left, right, Boolean::logicalXor);
    }

    @Override
    public Object complement(Object value) {
        throw new ConditionTypeError(UNAVAILABLE.formatted("~"));
    }

    @Override
    public Object shiftLeft(Object left, Object right) {
        throw new ConditionTypeError(UNAVAILABLE.formatted("<<"));
    }

    @Override
    public Object shiftRight(Object left, Object right) {
        throw new ConditionTypeError(UNAVAILABLE.formatted(">>"));
    }

    @Override
    public Object shiftRightUnsigned(Object left, Object right) {
        throw new ConditionTypeError(UNAVAILABLE.formatted(">>>"));
    }

    private static Boolean booleans(String operator, Object left, Object right, BinaryOperator<Boolean> operation) {
        if (!(left instanceof Boolean first) || !(right instanceof Boolean second)) {
            throw mismatch(BITWISE, operator, left, right);
        }
        return operation.apply(first, second);
    }

    // --- membership and text: =~ (in), =^ and =$ with the same equality as ==

    @Override
    public Boolean contains(Object container, Object value) {
        JsonKind kind = JsonKind.of(container);
        if (kind == JsonKind.ARRAY) {
            List<?> elements = JsonKind.elements(container);
            if (JsonKind.of(value) == JsonKind.ARRAY) {
                return JsonKind.elements(value).stream().allMatch(wanted -> elements.stream().anyMatch(e -> equals(e, wanted)));
            }
            return elements.stream().anyMatch(element -> equals(element, value));
        }
        if (kind == JsonKind.STRING || container instanceof Pattern) {
            if (JsonKind.of(value) != JsonKind.STRING) {
                throw new ConditionTypeError(MATCH.formatted("=~", JsonKind.describe(value)));
            }
            Pattern pattern = container instanceof Pattern compiled ? compiled : Pattern.compile(container.toString());
            return pattern.matcher(value.toString()).matches();
        }
        if (kind == JsonKind.OBJECT) {
            return JsonKind.of(value) == JsonKind.STRING && ((Map<?, ?>) container).containsKey(value.toString());
        }
        return equals(container, value);
    }

    @Override
    public Boolean startsWith(Object left, Object right) {
        return text("=^", left, right) && left.toString().startsWith(right.toString());
    }

    @Override
    public Boolean endsWith(Object left, Object right) {
        return text("=$", left, right) && left.toString().endsWith(right.toString());
    }

    private static boolean text(String operator, Object left, Object right) {
        if (JsonKind.of(left) != JsonKind.STRING || JsonKind.of(right) != JsonKind.STRING) {
            throw mismatch(TEXT, operator, left, right);
        }
        return true;
    }

    private static ConditionTypeError mismatch(String message, String operator, Object left, Object right) {
        return new ConditionTypeError(message.formatted(operator, JsonKind.describe(left), JsonKind.describe(right)));
    }
}
