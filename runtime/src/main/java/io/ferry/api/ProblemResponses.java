package io.ferry.api;

import io.ferry.operation.OperationResult;
import io.ferry.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a problem into its problem+json response: located at the request's path, with Retry-After when it has one. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** The response to an operation's result: {@code done} for what it did, the problem response for a refusal. */
    public static <T, V> RestResponse<V> of(OperationResult<T> result, UriInfo uri, Function<? super T, RestResponse<V>> done) {
        return result.fold(done, refused -> of(refused.problem(), uri));
    }

    /** The problem as the response of a resource method declared to answer with a {@code V} when it goes through. */
    @SuppressWarnings("unchecked")
    public static <V> RestResponse<V> of(Problem problem, UriInfo uri) {
        Problem located = located(problem, uri);
        RestResponse.ResponseBuilder<Object> response = RestResponse.ResponseBuilder.create(located.status());
        response.type(Problem.MEDIA_TYPE).entity(located);
        retryAfter(located).ifPresent(seconds -> response.header("Retry-After", seconds));
        return (RestResponse<V>) (RestResponse<?>) response.build();
    }

    /** The problem as the response of an exception mapper. */
    static Response response(Problem problem, UriInfo uri) {
        Problem located = located(problem, uri);
        Response.ResponseBuilder response = Response.status(located.status()).type(Problem.MEDIA_TYPE).entity(located);
        retryAfter(located).ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    private static Problem located(Problem problem, UriInfo uri) {
        return problem.instance() == null && uri != null ? problem.at(uri.getPath()) : problem;
    }

    private static Optional<Object> retryAfter(Problem problem) {
        return Optional.ofNullable(problem.extensionMembers().get(Problem.RETRY_AFTER_SECONDS));
    }
}
