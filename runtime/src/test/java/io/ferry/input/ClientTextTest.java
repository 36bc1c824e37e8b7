package io.ferry.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.problem.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientTextTest {

    private static final ClientField KEY = ClientField.body("businessKey");

    @Test
    void aNulIsRefusedWithItsPosition() {
        Problem problem = ClientText.check(KEY, "ab\u0000c", 256).orElseThrow();

        assertThat(problem.type()).isEqualTo("https://ferry.io/problems/invalid-text");
        assertThat(problem.detail()).isEqualTo(ClientText.NUL.formatted("businessKey", 3));
        assertThat(problem.extensions()).containsEntry("field", "businessKey");
    }

    @Test
    void aLoneSurrogateIsRefusedButAPairIsKept() {
        assertThat(ClientText.check(KEY, "a\ud83d\ude00b", 256)).isEmpty();
        assertThat(ClientText.check(KEY, "\ud83d\ude00a\ud800b", 256).orElseThrow().detail())
                .isEqualTo(ClientText.LONE_SURROGATE.formatted("businessKey", 3, 0xd800));
        assertThat(ClientText.check(KEY, "a\udc00", 256).orElseThrow().detail())
                .isEqualTo(ClientText.LONE_SURROGATE.formatted("businessKey", 2, 0xdc00));
    }

    @Test
    void theQuickTestAgreesWithTheFullOne() {
        for (String text : new String[] {"", "plain", "\u0000", "a\ud800", "\udc00a", "\ud83d\ude00", "\ud83d\ud83d\ude00", "\uffff"}) {
            assertThat(ClientText.storable(text)).as(text).isEqualTo(ClientText.unstorable(KEY, text).isEmpty());
        }
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String astral = "\ud83d\ude00".repeat(256);
        assertThat(ClientText.check(KEY, astral, 256)).isEmpty();

        Problem problem = ClientText.check(KEY, astral + "x", 256).orElseThrow();
        assertThat(problem.type()).isEqualTo("https://ferry.io/problems/text-too-long");
        assertThat(problem.detail()).isEqualTo(ClientText.TOO_LONG.formatted("businessKey", 257, 256));
        assertThat(problem.extensions()).containsEntry("limit", 256);
    }

    @Test
    void headersArePrintableAscii() {
        assertThat(ClientText.checkHeader("Idempotency-Key", "order-1001 ~!", 256)).isEmpty();
        Optional<Problem> latin = ClientText.checkHeader("Idempotency-Key", "caf\u00e9", 256);
        assertThat(latin.orElseThrow().detail()).isEqualTo(ClientText.NOT_ASCII.formatted("Header Idempotency-Key", 4, 0xe9));
        assertThat(latin.get().extensions()).containsEntry("field", "Idempotency-Key");
        assertThat(ClientText.checkHeader("X-Request-Id", "a\tb", 256)).isPresent();
    }
}
