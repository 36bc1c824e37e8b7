package io.ferry.api;

import io.ferry.input.ClientField;
import io.ferry.input.ClientText;
import io.ferry.input.FieldPath;
import io.ferry.input.InputLimits;
import io.ferry.input.UriText;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every text of a request to Ferry's API outside the body before a resource sees it: each path
 * parameter, each query parameter (name and value) and Ferry's headers, against the {@link ClientText}
 * rules and the {@link InputLimits}. Path and query are read as sent, so that bytes that are not UTF-8
 * are refused instead of being decoded into U+FFFD. The body's texts are checked by the request records.
 */
public class ClientTextFilter {

    static final String REPEATED_HEADER = "Header %s is sent %d times; send it once.";
    private static final Map<String, Integer> PATH_LIMITS = Map.of(
            "processId", InputLimits.PROCESS_ID, "id", InputLimits.INSTANCE_ID, "taskId", InputLimits.TASK_ID);
    private static final Map<String, Integer> QUERY_LIMITS = Map.of(
            "businessKey", InputLimits.BUSINESS_KEY, "processId", InputLimits.PROCESS_ID);
    private static final Map<String, Integer> HEADER_LIMITS = Map.of(
            "Idempotency-Key", InputLimits.IDEMPOTENCY_KEY, "X-Request-Id", InputLimits.REQUEST_ID,
            "X-Correlation-Id", InputLimits.CORRELATION_ID, "If-Match", InputLimits.IF_MATCH);
    /** Each resource method's path template, read from its annotations once rather than on every request. */
    private static final Map<Method, List<String>> TEMPLATES = new ConcurrentHashMap<>();

    @ClientInput
    @ServerRequestFilter
    public void check(HttpServerRequest request, ResourceInfo resource) {
        headers(request)
                .or(() -> pathParameters(request.path(), template(resource)))
                .or(() -> queryParameters(request.query()))
                .ifPresent(problem -> {
                    throw problem.exception();
                });
    }

    private static Optional<Problem> headers(HttpServerRequest request) {
        for (Map.Entry<String, Integer> header : HEADER_LIMITS.entrySet()) {
            List<String> values = request.headers().getAll(header.getKey());
            if (values.size() > 1) {
                return Optional.of(Problem.of(ProblemType.INVALID_REQUEST,
                        REPEATED_HEADER.formatted(header.getKey(), values.size())).with("field", header.getKey()));
            }
            Optional<Problem> problem = values.isEmpty() ? Optional.empty()
                    : ClientText.checkHeader(header.getKey(), values.get(0), header.getValue());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    // The template's segments line up with the path's from the end: a root path may come before them.
    private static Optional<Problem> pathParameters(String rawPath, List<String> template) {
        List<String> segments = segments(rawPath);
        int offset = segments.size() - template.size();
        for (int i = 0; i < template.size() && offset >= 0; i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                String name = part.substring(1, part.length() - 1).split(":")[0].strip();
                Optional<Problem> problem = text(ClientField.path(name), segments.get(offset + i), false,
                        PATH_LIMITS.getOrDefault(name, InputLimits.PATH_PARAMETER));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
            UriText.Decoded name = UriText.decode(ClientField.queryName(), rawName, true);
            if (name instanceof UriText.Refused refused) {
                return Optional.of(refused.problem());
            }
            String decodedName = ((UriText.Text) name).value();
            Optional<Problem> problem = ClientText.check(ClientField.queryName(), decodedName, InputLimits.QUERY_PARAMETER)
                    .or(() -> equals < 0 ? Optional.empty()
                            : text(ClientField.query(FieldPath.escaped(decodedName)), parameter.substring(equals + 1), true,
                                    QUERY_LIMITS.getOrDefault(decodedName, InputLimits.QUERY_PARAMETER)));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> text(ClientField field, String raw, boolean plusIsSpace, int limit) {
        UriText.Decoded decoded = UriText.decode(field, raw, plusIsSpace);
        if (decoded instanceof UriText.Refused refused) {
            return Optional.of(refused.problem());
        }
        return ClientText.check(field, ((UriText.Text) decoded).value(), limit);
    }

    private static List<String> template(ResourceInfo resource) {
        return TEMPLATES.computeIfAbsent(resource.getResourceMethod(), method -> template(resource.getResourceClass(), method));
    }

    private static List<String> template(Class<?> resourceClass, Method resourceMethod) {
        List<String> template = new ArrayList<>();
        Path type = resourceClass.getAnnotation(Path.class);
        Path method = resourceMethod.getAnnotation(Path.class);
        template.addAll(segments(type == null ? "" : type.value()));
        template.addAll(segments(method == null ? "" : method.value()));
        return List.copyOf(template);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList();
    }
}
