package io.ferry.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.problem.Problem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ClientDocumentTest {

    @Test
    void aNulDeepInTheDocumentIsNamedByItsPath() throws Exception {
        Problem problem = check("{\"customer\":{\"names\":[\"Ada\",\"A\\u0000da\"]}}");

        assertThat(problem.detail()).isEqualTo(ClientText.NUL.formatted("variables.customer.names[1]", 2));
        assertThat(problem.extensions()).containsEntry("field", "variables.customer.names[1]");
    }

    @Test
    void aKeyIsCheckedAndShownEscaped() throws Exception {
        Problem problem = check("{\"customer\":{\"na\\u0000me\":1}}");

        assertThat(problem.detail()).isEqualTo(ClientText.NUL.formatted("The key variables.customer[\"na\\u0000me\"]", 3));
    }

    @Test
    void numbersAreKeptUpToTheirWrittenLength() throws Exception {
        assertThat(ClientDocument.check("variables", read("{\"n\":1e999,\"m\":-1e-997,\"d\":0.10000000000000000000000000001}")))
                .isEmpty();
        Problem problem = check("{\"n\":1e1000}");
        assertThat(problem.type()).isEqualTo("https://ferry.io/problems/number-out-of-range");
        assertThat(problem.detail()).isEqualTo(ClientDocument.NUMBER_TOO_LONG.formatted("variables.n", 1001, 1000));
    }

    @Test
    void theWrittenLengthIsHowJsonbPrintsTheNumber() {
        for (String number : new String[] {"0", "-0.0", "1e400", "1E-400", "123.450", "-7", "1.0e2", "0e3", "9.99e-5"}) {
            BigDecimal value = new BigDecimal(number);
            String printed = value.signum() == 0 ? value.setScale(Math.max(0, value.scale())).abs().toPlainString()
                    : value.setScale(Math.max(0, value.scale())).toPlainString();
            assertThat(ClientDocument.writtenLength(value)).as(number).isEqualTo(printed.length());
        }
    }

    @Test
    void aNonFiniteNumberIsRefused() {
        JsonNode document = JsonNodeFactory.instance.objectNode().put("x", Double.POSITIVE_INFINITY);

        assertThat(ClientDocument.check("variables", document).orElseThrow().detail())
                .isEqualTo(ClientDocument.NOT_FINITE.formatted("variables.x", Double.POSITIVE_INFINITY));
    }

    @Test
    void dataNestedDeeperThanTheLimitIsRefused() throws Exception {
        String allowed = "[".repeat(InputLimits.DATA_DEPTH - 1) + "]".repeat(InputLimits.DATA_DEPTH - 1);
        assertThat(ClientDocument.check("variables", read("{\"a\":" + allowed + "}"))).isEmpty();

        Problem problem = check("{\"a\":[" + allowed + "]}");
        assertThat(problem.detail()).startsWith("variables.a" + "[0]".repeat(InputLimits.DATA_DEPTH - 1)
                + " is nested " + (InputLimits.DATA_DEPTH + 1) + " objects or arrays deep");
    }

    private static Problem check(String json) throws Exception {
        return ClientDocument.check("variables", read(json)).orElseThrow();
    }

    private static JsonNode read(String json) throws Exception {
        return FerryJson.mapper().readTree(json);
    }
}
