package io.ferry.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.List;

/**
 * How Ferry reads JSON, in one place.
 *
 * <p>Exact: floats become {@code BigDecimal} (big integers are {@code BigInteger} anyway) and trees keep
 * them as given, trailing zeros too, so process data keeps its exact decimal value from the request
 * through jsonb to the response. Number length and nesting are capped at the {@link InputLimits}.
 *
 * <p>Strict, for requests: a number or boolean is not taken for a string (nor the reverse), nothing may
 * follow the document, and a key may not appear twice in an object (which of the two would be kept?).
 */
public final class FerryJson {

    private static final ObjectMapper MAPPER = strict(exact(new ObjectMapper()));

    private FerryJson() {
    }

    /** Ferry's own mapper: snapshots, history data, every jsonb column's text, problem bodies. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectMapper exact(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(InputLimits.NUMBER_CHARACTERS)
                .maxNestingDepth(InputLimits.NESTING_DEPTH)
                .build());
        return mapper;
    }

    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
