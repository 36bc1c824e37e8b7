package io.ferry.input;

import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import java.util.Optional;

/**
 * The rules every text a client sends meets before Ferry stores it or searches for it: it holds no
 * NUL (PostgreSQL text and jsonb cannot), it is valid Unicode (a lone surrogate would be stored as
 * {@code ?}), and it is no longer than its limit. Positions count characters from 1.
 */
public final class ClientText {

    public static final String NUL = "%s contains the NUL character (U+0000) at character %d, which PostgreSQL cannot "
            + "store. Remove it and send the request again.";
    public static final String LONE_SURROGATE = "%s is not valid Unicode: character %d is a lone surrogate (U+%04X), "
            + "half of a character. Send the whole character (both halves of its surrogate pair) or remove it.";
    public static final String TOO_LONG = "%s is %d characters long; Ferry accepts at most %d. Send a shorter value.";
    public static final String NOT_ASCII = "%s must be printable ASCII (U+0020 to U+007E), but character %d is U+%04X. "
            + "Send ids and keys as ASCII.";

    private ClientText() {
    }

    /** A text that must be storable and at most {@code limit} characters long. */
    public static Optional<Problem> check(ClientField field, String value, int limit) {
        return unstorable(field, value).or(() -> tooLong(field, value, limit));
    }

    /** The same, thrown: for request records and parameters read where a problem cannot be returned. */
    public static void require(ClientField field, String value, int limit) {
        check(field, value, limit).ifPresent(problem -> {
            throw problem.exception();
        });
    }

    /** A header value: printable ASCII, since HTTP gives Ferry its bytes without saying how to decode them. */
    public static Optional<Problem> checkHeader(String header, String value, int limit) {
        ClientField field = ClientField.header(header);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return Optional.of(invalid(field, NOT_ASCII.formatted(field.subject(), i + 1, (int) c)));
            }
        }
        return tooLong(field, value, limit);
    }

    /** The quick test, for the many texts of a document: whether {@link #unstorable} finds nothing. */
    public static boolean storable(String value) {
        return firstUnstorable(value) < 0;
    }

    /** A text inside a JSON document: storable; its length is bounded by the body's. */
    public static Optional<Problem> unstorable(ClientField field, String value) {
        int index = firstUnstorable(value);
        if (index < 0) {
            return Optional.empty();
        }
        int character = value.codePointCount(0, index) + 1;
        char c = value.charAt(index);
        return Optional.of(invalid(field, c == 0 ? NUL.formatted(field.subject(), character)
                : LONE_SURROGATE.formatted(field.subject(), character, (int) c)));
    }

    /** Where the first character PostgreSQL cannot store is (a NUL, or a surrogate without its pair), or -1. */
    private static int firstUnstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (c == 0 || Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Problem> tooLong(ClientField field, String value, int limit) {
        int length = value.codePointCount(0, value.length());
        if (length <= limit) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(ProblemType.TEXT_TOO_LONG, TOO_LONG.formatted(field.subject(), length, limit))
                .with("field", field.name()).with("limit", limit));
    }

    private static Problem invalid(ClientField field, String detail) {
        return Problem.of(ProblemType.INVALID_TEXT, detail).with("field", field.name());
    }
}
