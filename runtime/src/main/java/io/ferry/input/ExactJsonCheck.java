package io.ferry.input;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;

/**
 * Refuses to start if the Vert.x JSON codec would not keep decimals exact. Every jsonb value travels
 * to and from PostgreSQL through it; Quarkus builds it from the application's ObjectMapper (with
 * Ferry's rules) when first used, but one built before CDI was up would be a plain mapper, and every
 * stored number would quietly lose digits.
 */
@ApplicationScoped
public class ExactJsonCheck {

    static final String PROBE = "0.10000000000000000000000000001";
    static final String NOT_EXACT = "The Vert.x JSON codec reads " + PROBE + " as %s: numbers stored as jsonb would "
            + "lose digits. Something used Vert.x JSON before the application's ObjectMapper existed; Ferry cannot "
            + "start safely.";

    void check(@Observes StartupEvent start) {
        Object read = Json.decodeValue(PROBE);
        if (!(read instanceof BigDecimal decimal) || decimal.compareTo(new BigDecimal(PROBE)) != 0) {
            throw new IllegalStateException(NOT_EXACT.formatted(read));
        }
    }
}
