package io.ferry.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.ferry.source.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one document into a {@link PlanTree}. Duplicate keys and YAML aliases are reported and
 * reading goes on, so a file shows all its problems at once; a syntax error ends reading and
 * escapes as Jackson's exception, which carries its position.
 */
final class PlanTreeParser {

    private final JsonParser parser;
    private final String file;
    private final Problems problems;

    private PlanTreeParser(JsonParser parser, String file, Problems problems) {
        this.parser = parser;
        this.file = file;
        this.problems = problems;
    }

    /** The document, or empty for an empty file (reported). */
    static Optional<PlanTree> parse(JsonParser parser, String file, Problems problems) throws IOException {
        PlanTreeParser reader = new PlanTreeParser(parser, file, problems);
        if (parser.nextToken() == null) {
            problems.add(file, new SourcePosition(1, 1), PlanReader.EMPTY_FILE);
            return Optional.empty();
        }
        PlanTree tree = reader.value();
        if (parser.nextToken() != null) {
            problems.add(file, reader.position(), PlanReader.SECOND_DOCUMENT);
        }
        return Optional.of(tree);
    }

    private PlanTree value() throws IOException {
        SourcePosition position = position();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(file, position, PlanReader.YAML_ALIAS);
        }
        return switch (parser.currentToken()) {
            case START_OBJECT -> mapping(position);
            case START_ARRAY -> sequence(position);
            default -> new PlanTree.Scalar(position, parser.currentToken(), parser.getText(), scalarValue());
        };
    }

    private PlanTree.Mapping mapping(SourcePosition position) throws IOException {
        List<PlanTree.Entry> entries = new ArrayList<>();
        Map<String, SourcePosition> seen = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SourcePosition keyPosition = position();
            parser.nextToken();
            PlanTree value = value();
            SourcePosition first = seen.putIfAbsent(key, keyPosition);
            if (first == null) {
                entries.add(new PlanTree.Entry(key, keyPosition, value));
            } else {
                problems.add(file, keyPosition, PlanReader.DUPLICATE_KEY.formatted(key, first.line()));
            }
        }
        return new PlanTree.Mapping(position, entries);
    }

    private PlanTree.Sequence sequence(SourcePosition position) throws IOException {
        List<PlanTree> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value());
        }
        return new PlanTree.Sequence(position, items);
    }

    private JsonNode scalarValue() throws IOException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (parser.currentToken()) {
            case VALUE_STRING -> json.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> json.numberNode(parser.getIntValue());
                case LONG -> json.numberNode(parser.getLongValue());
                default -> json.numberNode(parser.getBigIntegerValue());
            };
            // As a default ObjectMapper reads them, so chains recorded as JSON read back equal.
            case VALUE_NUMBER_FLOAT -> json.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> json.booleanNode(true);
            case VALUE_FALSE -> json.booleanNode(false);
            default -> json.nullNode();
        };
    }

    private SourcePosition position() {
        JsonLocation location = parser.currentTokenLocation();
        return new SourcePosition(location.getLineNr(), location.getColumnNr());
    }
}
