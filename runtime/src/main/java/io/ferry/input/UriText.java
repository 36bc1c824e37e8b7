package io.ferry.input;

import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a part of a URI as sent (percent-escapes of UTF-8 bytes) strictly: where the usual decoders
 * turn bytes that are not UTF-8 into U+FFFD, and so store a text the client never sent, this refuses
 * them with a problem naming the part.
 */
public final class UriText {

    public static final String BAD_ESCAPE = "%s has a %% that is not followed by two hexadecimal digits; write a %% "
            + "itself as %%25.";
    public static final String NOT_UTF8 = "%s is not valid UTF-8 once its %%-escapes are decoded. Percent-encode the "
            + "UTF-8 bytes of the text.";

    /** The decoded text, or the problem that it cannot be decoded. */
    public sealed interface Decoded {
    }

    public record Text(String value) implements Decoded {
    }

    public record Refused(Problem problem) implements Decoded {
    }

    private UriText() {
    }

    /** @param plusIsSpace true in a query, where {@code +} stands for a space */
    public static Decoded decode(ClientField field, String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return refused(field, BAD_ESCAPE);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c <= 0xff) {
                // The HTTP decoder hands over each byte of the request line as one character.
                bytes.write(c);
            } else {
                return refused(field, NOT_UTF8);
            }
        }
        try {
            return new Text(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return refused(field, NOT_UTF8);
        }
    }

    private static Refused refused(ClientField field, String detail) {
        return new Refused(Problem.of(ProblemType.INVALID_TEXT, detail.formatted(field.subject())).with("field", field.name()));
    }
}
