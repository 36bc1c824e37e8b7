package io.ferry.http;

import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Errors raised by Vert.x routes before JAX-RS, as problem+json. A body whose Content-Length is over
 * the limit is refused here, just before Quarkus' own check would refuse it without a body. A chunked
 * body (no Content-Length) is read here, up to the limit, because JAX-RS' reader answers one over it
 * with an empty 413; the body read is what JAX-RS then reads. Any other failure of a route reaches this
 * failure handler before Quarkus' error page.
 */
@ApplicationScoped
public class RouterProblems {

    public static final String BODY_TOO_LARGE = "The request body is %d bytes; this server accepts at most %d "
            + "(quarkus.http.limits.max-body-size). Send less data.";
    public static final String CHUNKED_BODY_TOO_LARGE = "The request body is larger than this server accepts "
            + "(quarkus.http.limits.max-body-size). Send less data.";
    public static final String ROUTE_FAILED = "The request could not be routed: %s.";
    private static final Logger LOG = Logger.getLogger(RouterProblems.class);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    private BodyHandler chunkedBodies;

    void install(@Observes Router router) {
        chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodySize.map(MemorySize::asLongValue).orElse(-1L));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::refuseOversizedBody)
                .failureHandler(RouterProblems::failed);
    }

    private void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && maxBodySize.isPresent()
                && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
            chunkedBodies.handle(context);
            return;
        }
        long limit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        long length = declared == null ? -1 : parse(declared);
        if (length > limit) {
            // The body is not read, so the connection closes rather than carry it.
            HttpProblems.send(context.request(), Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    BODY_TOO_LARGE.formatted(length, limit)).at(context.request().path()), true);
            return;
        }
        context.next();
    }

    private static void failed(RoutingContext context) {
        Throwable failure = context.failure();
        int status = failure instanceof HttpException http ? http.getStatusCode()
                : context.statusCode() > 0 ? context.statusCode() : 500;
        ProblemType type = ProblemType.forStatus(status);
        String reason = failure == null || failure.getMessage() == null ? "HTTP " + status : failure.getMessage();
        if (status >= 500) {
            LOG.error("Unexpected failure serving " + context.request().path(), failure);
            reason = "Ferry failed unexpectedly; the server log has the details";
        }
        Problem problem = status == 413 ? Problem.of(type, CHUNKED_BODY_TOO_LARGE)
                : Problem.of(type, ROUTE_FAILED.formatted(reason));
        // The rest of an oversized body is not read: the connection closes.
        HttpProblems.send(context.request(), new Problem(problem.type(), problem.title(), status, problem.detail(),
                context.request().path(), problem.extensions()), status == 413);
    }

    private static long parse(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
