package io.ferry.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A JSON document as a property generates it: the value it means, how it is written (escaped or raw,
 * bytes that are not UTF-8 included), whether Ferry must keep it or refuse it, and whether a document
 * read back is the same value.
 */
sealed interface GeneratedJson {

    /** Numbers written out in full (as jsonb prints them) longer than this are refused. */
    int NUMBER_CHARACTERS = 1000;
    /** Objects and arrays nested deeper than this, the variables object included, are refused. */
    int DATA_DEPTH = 100;

    void write(ByteArrayOutputStream out);

    /** Why Ferry must refuse this value, or null when it must keep it exactly. */
    String refusal();

    /** How deep objects and arrays nest in this value; a scalar is 0. */
    default int depth() {
        return 0;
    }

    boolean sameAs(JsonNode stored);

    record Member(Text key, GeneratedJson value) {
    }

    record JsonObject(List<Member> members) implements GeneratedJson {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('{');
            for (int i = 0; i < members.size(); i++) {
                out.write(i == 0 ? ' ' : ',');
                members.get(i).key().write(out);
                out.write(':');
                members.get(i).value().write(out);
            }
            out.write('}');
        }

        @Override
        public String refusal() {
            Set<String> keys = new HashSet<>();
            for (Member member : members) {
                if (!keys.add(member.key().value())) {
                    return "a key twice";
                }
                String refusal = member.key().refusal() != null ? member.key().refusal() : member.value().refusal();
                if (refusal != null) {
                    return refusal;
                }
            }
            return depth() > DATA_DEPTH ? "nested too deep" : null;
        }

        @Override
        public int depth() {
            return 1 + members.stream().mapToInt(member -> member.value().depth()).max().orElse(0);
        }

        @Override
        public boolean sameAs(JsonNode stored) {
            return stored.isObject() && stored.size() == members.size() && members.stream()
                    .allMatch(member -> stored.has(member.key().value()) && member.value().sameAs(stored.get(member.key().value())));
        }
    }

    record JsonArray(List<GeneratedJson> items) implements GeneratedJson {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.get(i).write(out);
            }
            out.write(']');
        }

        @Override
        public String refusal() {
            return items.stream().map(GeneratedJson::refusal).filter(refusal -> refusal != null).findFirst().orElse(null);
        }

        @Override
        public int depth() {
            return 1 + items.stream().mapToInt(GeneratedJson::depth).max().orElse(0);
        }

        @Override
        public boolean sameAs(JsonNode stored) {
            if (!stored.isArray() || stored.size() != items.size()) {
                return false;
            }
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).sameAs(stored.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A string; {@code escaped} writes every character outside ASCII as a {@code \\u} escape, else as raw bytes. */
    record Text(String value, boolean escaped) implements GeneratedJson {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.write('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
                if (c == '"' || c == '\\') {
                    out.write('\\');
                    out.write(c);
                } else if (c < 0x20 || (escaped && c > 0x7e)) {
                    out.writeBytes(String.format("\\u%04x", (int) c).getBytes(StandardCharsets.US_ASCII));
                } else if (pair) {
                    out.writeBytes(value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // A lone surrogate as its three UTF-8-shaped bytes (CESU-8): not UTF-8.
                    out.write(0xe0 | c >> 12);
                    out.write(0x80 | (c >> 6 & 0x3f));
                    out.write(0x80 | (c & 0x3f));
                } else {
                    out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write('"');
        }

        @Override
        public String refusal() {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0) {
                    return "a NUL";
                }
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "a lone surrogate";
                }
            }
            return null;
        }

        @Override
        public boolean sameAs(JsonNode stored) {
            return stored.isTextual() && stored.textValue().equals(value);
        }
    }

    /** A number as written: {@code 1e400}, {@code -0.0}, 900 digits. */
    record Number(String literal) implements GeneratedJson {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.writeBytes(literal.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String refusal() {
            if (literal.length() > NUMBER_CHARACTERS) {
                return "a number Jackson will not read";
            }
            BigDecimal value = new BigDecimal(literal);
            String printed = value.setScale(Math.max(0, value.scale())).abs().toPlainString();
            return printed.length() + (value.signum() < 0 ? 1 : 0) > NUMBER_CHARACTERS ? "a number jsonb prints too long" : null;
        }

        @Override
        public boolean sameAs(JsonNode stored) {
            return stored.isNumber() && stored.decimalValue().compareTo(new BigDecimal(literal)) == 0;
        }
    }

    /** true, false or null. */
    record Literal(String literal) implements GeneratedJson {
        @Override
        public void write(ByteArrayOutputStream out) {
            out.writeBytes(literal.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public String refusal() {
            return null;
        }

        @Override
        public boolean sameAs(JsonNode stored) {
            return stored.toString().equals(literal);
        }
    }
}
