package io.ferry.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance variables as a condition sees them: JSON objects as maps, arrays as lists, every
 * number as an exact BigDecimal (never a double), JSON null as null.
 */
final class ConditionVariables {

    private ConditionVariables() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(JsonNode variables) {
        Object values = value(variables);
        return values instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            node.properties().forEach(member -> members.put(member.getKey(), value(member.getValue())));
            return Collections.unmodifiableMap(members);
        }
        if (node.isArray()) {
            List<Object> elements = new ArrayList<>(node.size());
            node.forEach(element -> elements.add(value(element)));
            return Collections.unmodifiableList(elements);
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /**
     * What a variable path the condition reads holds, for a person: {@code approved is the string "no"},
     * {@code customer.tier is not set}.
     */
    static String describe(JsonNode variables, List<String> path) {
        JsonNode node = variables;
        for (String step : path) {
            node = node == null ? null : node.isArray() && isIndex(step) ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        String name = name(path);
        return node == null || node.isMissingNode() ? name + " is not set" : name + " is " + JsonKind.describe(value(node));
    }

    // items[0] rather than items.0: the way the modeler wrote it
    private static String name(List<String> path) {
        StringBuilder name = new StringBuilder();
        for (String step : path) {
            name.append(isIndex(step) ? "[" + step + "]" : (name.isEmpty() ? "" : ".") + step);
        }
        return name.toString();
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.length() < 10 && step.chars().allMatch(Character::isDigit);
    }
}
