package io.ferry.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: what went wrong, for a person. {@code type} is a stable URI a client can
 * switch on; {@code detail} names the process, instance, task or node and what to do next.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(String type, String title, int status, String detail, String instance,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** An extension member that also becomes the response's Retry-After header (seconds). */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";
    private static final String TYPE_BASE = "https://ferry.io/problems/";

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, null, Map.of());
    }

    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    public ProblemException exception() {
        return new ProblemException(this);
    }
}
