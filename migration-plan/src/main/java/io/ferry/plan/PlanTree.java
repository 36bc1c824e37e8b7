package io.ferry.plan;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.source.SourcePosition;
import java.util.List;
import java.util.Optional;

/**
 * A YAML or JSON document as mappings, lists and scalars that remember where they stand, so every
 * problem found while interpreting a plan can name its line and column.
 */
sealed interface PlanTree {

    SourcePosition position();

    /** How a person would call this kind of value in a message: "a mapping", "a list", "a text"... */
    String kindName();

    /** The plain JSON value, for variable defaults which may be anything. */
    JsonNode toJson();

    /** A mapping; duplicate keys were reported while reading and only the first is kept. */
    record Mapping(SourcePosition position, List<Entry> entries) implements PlanTree {

        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(entry -> entry.key().equals(key)).findFirst();
        }

        @Override
        public String kindName() {
            return "a mapping";
        }

        @Override
        public JsonNode toJson() {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            entries.forEach(entry -> object.set(entry.key(), entry.value().toJson()));
            return object;
        }
    }

    record Entry(String key, SourcePosition keyPosition, PlanTree value) {
    }

    record Sequence(SourcePosition position, List<PlanTree> items) implements PlanTree {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }

        @Override
        public JsonNode toJson() {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(item -> array.add(item.toJson()));
            return array;
        }
    }

    /**
     * A single value.
     *
     * @param text the value as written in the file (so version {@code 1.10} stays "1.10")
     * @param value the value as JSON
     */
    record Scalar(SourcePosition position, JsonToken token, String text, JsonNode value) implements PlanTree {

        boolean isText() {
            return token == JsonToken.VALUE_STRING;
        }

        boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        @Override
        public String kindName() {
            return switch (token) {
                case VALUE_STRING -> "a text";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true/false";
                default -> "nothing";
            };
        }

        @Override
        public JsonNode toJson() {
            return value;
        }
    }
}
