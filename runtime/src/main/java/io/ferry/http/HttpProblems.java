package io.ferry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ferry.input.FerryJson;
import io.ferry.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Writes a problem as problem+json where JAX-RS is not there to do it: below it, in Vert.x. */
final class HttpProblems {

    private HttpProblems() {
    }

    /** @param close whether the connection closes after the answer (its state is unknown, or the body unread) */
    static void send(HttpServerRequest request, Problem problem, boolean close) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        // Vert.x keeps a connection open while the request's body is unread, whatever the header says; Quarkus' own 413 closes it too.
        response.end(Buffer.buffer(json(problem))).onComplete(sent -> {
            if (close) {
                request.connection().close();
            }
        });
    }

    private static byte[] json(Problem problem) {
        try {
            return FerryJson.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON: " + problem.detail(), e);
        }
    }
}
