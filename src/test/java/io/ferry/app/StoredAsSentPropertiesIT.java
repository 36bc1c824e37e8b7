package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.app.GeneratedJson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever JSON a client sends as variables, the packaged app either starts the instance and gives the
 * same value back (from the instance and from the history's InstanceStarted event), or refuses it with
 * a 400 problem and stores nothing; never a 5xx. jqwik runs its own engine, outside @QuarkusTest, so the
 * property drives the packaged app. The seed is fixed so that CI runs the same 200 documents each time.
 */
class StoredAsSentPropertiesIT {

    private static final Path HOME = Path.of("target/properties-it").toAbsolutePath();
    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> REFUSALS = Set.of("invalid-text", "invalid-request", "number-out-of-range");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PackagedApp app;

    @BeforeContainer
    static void startApp() throws Exception {
        PackagedApp.deleteRecursively(HOME);
        app = PackagedApp.start(HOME, "-Dquarkus.ferry.embedded-postgres.ephemeral=true");
    }

    @AfterContainer
    static void stopApp() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Property(tries = 200, seed = "20261202")
    void variablesAreStoredAsSentOrRefused(@ForAll("variables") JsonObject variables) throws Exception {
        String businessKey = "property-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"businessKey\":\"" + businessKey + "\",\"variables\":").getBytes(StandardCharsets.US_ASCII));
        variables.write(body);
        body.write('}');

        HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/processes/order/instances"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        String refusal = variables.refusal();
        Statistics.label("outcome").collect(refusal == null ? "kept as sent" : "refused: " + refusal);
        if (refusal == null) {
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String id = EXACT.readTree(started.body()).get("id").asText();
            JsonNode stored = get("/instances/" + id).get("variables");
            JsonNode history = get("/instances/" + id + "/history").get(0);
            assertThat(variables.sameAs(stored)).as("stored %s", stored).isTrue();
            assertThat(history.get("type").asText()).isEqualTo("InstanceStarted");
            assertThat(variables.sameAs(history.get("data"))).as("history %s", history).isTrue();
        } else {
            assertThat(started.statusCode()).as(refusal + ": " + started.body()).isEqualTo(400);
            assertThat(started.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            String type = EXACT.readTree(started.body()).get("type").asText();
            assertThat(type.substring(type.lastIndexOf('/') + 1)).isIn(REFUSALS);
            assertThat(get("/instances?businessKey=" + businessKey).get("total").asInt()).isZero();
        }
    }

    @Provide
    Arbitrary<JsonObject> variables() {
        return JsonArbitraries.variables();
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EXACT.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("never a 5xx: " + response.body()).isLessThan(500);
        return response;
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }
}
