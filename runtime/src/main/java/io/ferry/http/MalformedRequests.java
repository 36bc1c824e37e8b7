package io.ferry.http;

import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Ferry's answer to a request Vert.x could not decode: a request line or headers over the server's
 * limits, or bytes HTTP does not allow (a NUL or other control character in a header). Vert.x answers
 * those before any route runs, so no filter sees them; Ferry's deployment makes this handler the
 * server's default in place of Vert.x' own, whose answer has no body, and has Quarkus' root handler ask
 * {@link #refusedUri} before it refuses a URI the same way (see MalformedRequestProcessor).
 */
public final class MalformedRequests {

    public static final String LINE_TOO_LONG = "The request line (method, path and query) is longer than this server "
            + "accepts: %d bytes (quarkus.http.limits.max-initial-line-length). Shorten the path or the query; "
            + "long values belong in the body.";
    public static final String HEADERS_TOO_LARGE = "The request headers are larger than this server accepts: %d bytes "
            + "in all (quarkus.http.limits.max-header-size). Send fewer or shorter headers.";
    public static final String MALFORMED = "This is not a valid HTTP request (%s). Header names and values may not "
            + "hold control characters such as NUL, CR or LF, and the request line is 'METHOD /path HTTP/1.1'.";

    public static final String INVALID_URI = "The request's path and query are not a valid URI (%s at character %d). "
            + "Percent-encode what URIs do not allow, such as spaces, quotes, control characters and bytes that are not "
            + "ASCII, and write a %% itself as %%25.";

    /** Read once, as Quarkus' root handler reads it: {@code Boolean.getBoolean} on every request showed in profiles. */
    private static final boolean URI_VALIDATION_DISABLED = Boolean.getBoolean("vertx.disableURIValidation");

    /** Read by Vert.x' connection handler in place of {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}. */
    public static final Handler<HttpServerRequest> ANSWER = MalformedRequests::answer;

    private MalformedRequests() {
    }

    static void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        Problem problem;
        if (cause instanceof TooLongHttpLineException) {
            problem = Problem.of(ProblemType.URI_TOO_LONG, LINE_TOO_LONG.formatted(limit("max-initial-line-length", 4096)));
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem = Problem.of(ProblemType.HEADERS_TOO_LARGE, HEADERS_TOO_LARGE.formatted(limit("max-header-size", 20 * 1024)));
        } else {
            String reason = cause == null || cause.getMessage() == null ? "it could not be decoded"
                    : cause instanceof TooLongFrameException ? "a part of it is too long" : cause.getMessage();
            problem = Problem.of(ProblemType.MALFORMED_HTTP_REQUEST, MALFORMED.formatted(reason));
        }
        // What follows an undecodable request on the connection cannot be trusted, so it closes.
        HttpProblems.send(request, problem, true);
    }

    /**
     * Called first by Quarkus' root request handler, which refuses a request whose URI {@code java.net.URI}
     * cannot parse with an empty 400: answers it as a problem instead, with the same test and switch.
     *
     * @return whether the request was answered
     */
    public static boolean refusedUri(HttpServerRequest request) {
        if (URI_VALIDATION_DISABLED) {
            return false;
        }
        try {
            new URI(request.uri());
            return false;
        } catch (URISyntaxException e) {
            HttpProblems.send(request, Problem.of(ProblemType.MALFORMED_HTTP_REQUEST,
                    INVALID_URI.formatted(e.getReason(), e.getIndex() + 1)), true);
            return true;
        }
    }

    private static long limit(String name, long defaultValue) {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits." + name, MemorySize.class)
                .map(MemorySize::asLongValue).orElse(defaultValue);
    }
}
