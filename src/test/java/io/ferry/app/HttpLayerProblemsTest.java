package io.ferry.app;

import static io.ferry.app.Refusals.instanceCount;
import static io.ferry.app.Refusals.refused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Errors the HTTP layer raises before any JAX-RS code runs are problem+json too. Clients refuse to send
 * a NUL in a header or an invalid URI, so those go through a raw socket.
 */
@QuarkusTest
class HttpLayerProblemsTest {

    private static final String PROBLEMS = "https://ferry.io/problems/";

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        int before = instanceCount();
        String huge = "{\"variables\": {\"blob\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        // The server answers as soon as it has read the Content-Length and closes; an HTTP client still
        // writing the body then sees a broken pipe instead of the answer, so this goes through RawHttp.
        byte[] head = ("POST /processes/order/instances HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + huge.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head);
        request.writeBytes(huge.getBytes(StandardCharsets.US_ASCII));

        RawHttp.Answer answer = RawHttp.send(request.toByteArray());

        assertProblem(answer, 413, "payload-too-large");
        assertThat(JsonPath.from(answer.body()).getString("detail")).isEqualTo("The request body is 2097179 bytes; "
                + "this server accepts at most 1048576 (quarkus.http.limits.max-body-size). Send less data.");
        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        int before = instanceCount();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /processes/order/instances HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String chunk = "{\"variables\":{\"blob\":\"" + "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            String data = i == 0 ? chunk : "x".repeat(64 * 1024);
            request.writeBytes((Integer.toHexString(data.length()) + "\r\n" + data + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Answer answer = RawHttp.send(request.toByteArray());

        assertProblem(answer, 413, "payload-too-large");
        assertThat(JsonPath.from(answer.body()).getString("detail"))
                .isEqualTo("The request body is larger than this server accepts (quarkus.http.limits.max-body-size). Send less data.");
        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() throws Exception {
        String body = "{\"variables\":{\"amount\":3}}";
        RawHttp.Answer answer = RawHttp.send("POST /processes/order/instances HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(JsonPath.from(answer.body()).getInt("variables.amount")).isEqualTo(3);
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        refused(given().queryParam("businessKey", "k".repeat(5000)).get("/instances").then(), 414, "uri-too-long")
                .body("detail", startsWith("The request line (method, path and query) is longer than this server accepts: "
                        + "4096 bytes"));
    }

    @Test
    void headersOverTheLimitAre431() {
        refused(given().header("X-Padding", "p".repeat(30 * 1024)).get("/processes").then(), 431, "headers-too-large")
                .body("detail", startsWith("The request headers are larger than this server accepts: 20480 bytes in all"));
    }

    @Test
    void aNulInAHeaderIs400() throws Exception {
        int before = instanceCount();

        RawHttp.Answer answer = RawHttp.send("POST /processes/order/instances HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nIdempotency-Key: a\u0000b\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertProblem(answer, 400, "malformed-http-request");
        assertThat(JsonPath.from(answer.body()).getString("detail")).startsWith("This is not a valid HTTP request (");
        assertThat(instanceCount()).isEqualTo(before);
    }

    @Test
    void aNulInAHeaderNameOrTheRequestLineIs400() throws Exception {
        assertProblem(RawHttp.send("GET /processes HTTP/1.1\r\nHost: localhost\r\nX-Re\u0000quest: 1\r\nConnection: close\r\n\r\n"),
                400, "malformed-http-request");
        assertProblem(RawHttp.send("GET /proc\u0000esses HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                400, "malformed-http-request");
    }

    @Test
    void aUriThatIsNotAUriIs400() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET /instances?businessKey=100%ZZ HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertProblem(answer, 400, "malformed-http-request");
        assertThat(JsonPath.from(answer.body()).getString("detail"))
                .startsWith("The request's path and query are not a valid URI (Malformed escape pair at character 27)");
    }

    @Test
    void aRequestThatIsNotHttpIs400() throws Exception {
        assertProblem(RawHttp.send("HELLO\r\n\r\n"), 400, "malformed-http-request");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(JsonPath.from(answer.body()).getString("type")).isEqualTo(PROBLEMS + type);
        assertThat(JsonPath.from(answer.body()).getInt("status")).isEqualTo(status);
    }
}
