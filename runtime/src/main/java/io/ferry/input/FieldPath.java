package io.ferry.input;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How a problem names a place in a JSON body: {@code variables.customer.name}, {@code items[2]}, or
 * {@code variables["odd key"]} when a key is not a plain name (escaped as in JSON, so a NUL or a lone
 * surrogate in it is shown, not sent raw).
 */
public final class FieldPath {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private FieldPath() {
    }

    /** @param segments field names (String) and array indexes (Integer), outermost first */
    public static String of(List<?> segments) {
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else if (PLAIN_NAME.matcher((String) segment).matches()) {
                path.append(path.isEmpty() ? "" : ".").append(segment);
            } else {
                path.append("[\"").append(escaped((String) segment)).append("\"]");
            }
        }
        return path.toString();
    }

    /** The text as a JSON string literal would hold it: controls, quotes and unpaired surrogates as escapes. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
