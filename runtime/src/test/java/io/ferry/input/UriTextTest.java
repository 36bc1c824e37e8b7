package io.ferry.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UriTextTest {

    private static final ClientField KEY = ClientField.query("businessKey");

    @Test
    void decodesUtf8EscapesAndPlusInAQuery() {
        assertThat(UriText.decode(KEY, "caf%C3%A9+au+lait", true)).isEqualTo(new UriText.Text("café au lait"));
        assertThat(UriText.decode(KEY, "a+b", false)).isEqualTo(new UriText.Text("a+b"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        UriText.Refused refused = (UriText.Refused) UriText.decode(KEY, "a%FFb", true);

        assertThat(refused.problem().detail()).isEqualTo(UriText.NOT_UTF8.formatted("Query parameter businessKey"));
        assertThat(UriText.decode(KEY, "%ED%A0%80", true)).isInstanceOf(UriText.Refused.class);
    }

    @Test
    void aBrokenEscapeIsRefused() {
        assertThat(((UriText.Refused) UriText.decode(KEY, "100%", true)).problem().detail())
                .isEqualTo(UriText.BAD_ESCAPE.formatted("Query parameter businessKey"));
    }
}
