package io.ferry.app;

import io.ferry.app.GeneratedJson.JsonArray;
import io.ferry.app.GeneratedJson.JsonObject;
import io.ferry.app.GeneratedJson.Literal;
import io.ferry.app.GeneratedJson.Member;
import io.ferry.app.GeneratedJson.Number;
import io.ferry.app.GeneratedJson.Text;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile JSON: deep and wide documents; text from every corner of Unicode (astral planes, combining
 * marks, right-to-left scripts, U+FFFF, controls) with now and then a NUL or a lone surrogate, written
 * raw or as escapes; numbers huge, tiny, long and exact; repeated keys.
 */
final class JsonArbitraries {

    private static final int LEVELS = 4;

    private JsonArbitraries() {
    }

    static Arbitrary<JsonObject> variables() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, object(LEVELS)),
                Tuple.of(1, deep()));
    }

    private static Arbitrary<GeneratedJson> value(int levels) {
        if (levels == 0) {
            return leaf();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(5, leaf()),
                Tuple.of(2, object(levels - 1).map(GeneratedJson.class::cast)),
                Tuple.of(2, array(levels - 1).map(GeneratedJson.class::cast)));
    }

    private static Arbitrary<JsonObject> object(int levels) {
        Arbitrary<Member> member = Combinators.combine(key(), Arbitraries.lazy(() -> value(levels))).as(Member::new);
        return member.list().ofMaxSize(6).map(JsonObject::new);
    }

    private static Arbitrary<JsonArray> array(int levels) {
        return Arbitraries.lazy(() -> value(levels)).list().ofMaxSize(6).map(JsonArray::new);
    }

    // Around the limit of nesting: a chain of arrays under one key, sometimes too deep.
    private static Arbitrary<JsonObject> deep() {
        return Combinators.combine(Arbitraries.integers().between(GeneratedJson.DATA_DEPTH - 5, GeneratedJson.DATA_DEPTH + 5),
                leaf()).as((levels, inner) -> {
                    GeneratedJson value = inner;
                    for (int i = 0; i < levels; i++) {
                        value = new JsonArray(List.of(value));
                    }
                    return new JsonObject(List.of(new Member(new Text("deep", false), value)));
                });
    }

    private static Arbitrary<GeneratedJson> leaf() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, text(40).map(GeneratedJson.class::cast)),
                Tuple.of(1, text(5000).map(GeneratedJson.class::cast)),
                Tuple.of(4, number().map(GeneratedJson.class::cast)),
                Tuple.of(1, Arbitraries.of("true", "false", "null").map(Literal::new)));
    }

    // Keys from a small pool repeat now and then within an object.
    private static Arbitrary<Text> key() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("a", "b", "amount").map(name -> new Text(name, false))),
                Tuple.of(6, text(12)));
    }

    private static Arbitrary<Text> text(int maxLength) {
        return Combinators.combine(character().list().ofMaxSize(maxLength), Arbitraries.of(true, false))
                .as((characters, escaped) -> new Text(String.join("", characters), escaped));
    }

    private static Arbitrary<String> character() {
        return Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(4, Arbitraries.chars().range('\u0001', '\u001f').map(String::valueOf)),
                Tuple.of(8, Arbitraries.of("\u00e9", "\u00df", "e\u0301", "\u0308", "\u05e9\u05dc\u05d5\u05dd",
                        "\u0645\u0631\u062d\u0628\u0627", "\u202e", "\u200d", "\ufeff", "\ufffe", "\uffff", "\u4e2d")),
                Tuple.of(6, Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString)),
                Tuple.of(1, Arbitraries.of("\u0000", "\ud800", "\udbff", "\udc00", "\udfff")));
    }

    private static Arbitrary<Number> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(2, digits(20, 950)),
                Tuple.of(3, Combinators.combine(digits(1, 60), digits(1, 60), Arbitraries.of("", "-"))
                        .as((whole, fraction, sign) -> sign + whole + "." + fraction)),
                Tuple.of(3, Combinators.combine(digits(1, 30), Arbitraries.of("e", "E", "e+", "E+"),
                        Arbitraries.integers().between(-1200, 1200))
                        .as((mantissa, marker, exponent) -> mantissa + (exponent < 0 ? marker.charAt(0) + "-" : marker) + Math.abs(exponent))),
                Tuple.of(1, Arbitraries.of("0", "-0", "0.0", "-0.0", "1.50", "1e400", "1e-400", "1e999", "1e1000",
                        "0.10000000000000000000000000001", "1E+400", "0e-5")),
                Tuple.of(1, digits(1100, 1200)))
                .map(Number::new);
    }

    // A whole number without leading zeros.
    private static Arbitrary<String> digits(int min, int max) {
        return Combinators.combine(Arbitraries.chars().range('1', '9'), Arbitraries.strings().numeric().ofMinLength(min - 1)
                .ofMaxLength(max - 1)).as((first, rest) -> first + rest);
    }
}
