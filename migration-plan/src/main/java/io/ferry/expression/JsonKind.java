package io.ferry.expression;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kind of a value inside a condition, as JSON names it. Values of different kinds are never
 * equal and never ordered: a condition compares what the data holds, not what it could be
 * turned into.
 */
enum JsonKind {
    NULL("null"),
    BOOLEAN("boolean"),
    NUMBER("number"),
    STRING("string"),
    ARRAY("array"),
    OBJECT("object"),
    /** A value a method call returned that JSON has no name for. */
    OTHER("value");

    /** Longer values are cut here in messages, so a big array does not bury the sentence. */
    private static final int SHOWN_LENGTH = 60;

    private final String word;

    JsonKind(String word) {
        this.word = word;
    }

    static JsonKind of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return STRING;
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            return ARRAY;
        }
        if (value instanceof Map<?, ?>) {
            return OBJECT;
        }
        return OTHER;
    }

    /** The value for a person: {@code the string "no"}, {@code the number 1}, {@code null}. */
    static String describe(Object value) {
        JsonKind kind = of(value);
        if (kind == NULL) {
            return "null";
        }
        String shown = json(value);
        if (shown.length() > SHOWN_LENGTH) {
            shown = shown.substring(0, SHOWN_LENGTH) + "…";
        }
        return kind == OTHER ? "the " + value.getClass().getSimpleName() + " " + shown : "the " + kind.word + " " + shown;
    }

    // Written by hand rather than by Jackson: numbers must show as their exact decimal, never in E notation.
    private static String json(Object value) {
        return switch (of(value)) {
            case NULL -> "null";
            case BOOLEAN -> value.toString();
            case NUMBER -> ExactNumbers.isFinite((Number) value) ? ExactNumbers.of((Number) value).toPlainString() : value.toString();
            case STRING -> quoted(value.toString());
            case ARRAY -> elements(value).stream().map(JsonKind::json).collect(Collectors.joining(",", "[", "]"));
            case OBJECT -> ((Map<?, ?>) value).entrySet().stream()
                    .map(entry -> quoted(String.valueOf(entry.getKey())) + ":" + json(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            case OTHER -> value.toString();
        };
    }

    /** The elements of a value of kind ARRAY, in order. */
    static List<?> elements(Object array) {
        if (array instanceof List<?> list) {
            return list;
        }
        if (array instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        Object[] copy = new Object[Array.getLength(array)];
        Arrays.setAll(copy, i -> Array.get(array, i));
        return Arrays.asList(copy);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return word;
    }
}
