package io.ferry.problem;

/** Every kind of problem Ferry reports, with its HTTP status. */
public enum ProblemType {
    UNKNOWN_PROCESS("unknown-process", "Unknown process", 404),
    UNKNOWN_INSTANCE("unknown-instance", "Unknown instance", 404),
    UNKNOWN_TASK("unknown-task", "Unknown task", 404),
    NOT_FOUND("not-found", "Not found", 404),
    AMBIGUOUS_TASK("ambiguous-task", "Ambiguous task", 409),
    TASK_ALREADY_COMPLETED("task-already-completed", "Task already completed", 409),
    TASK_NO_LONGER_OPEN("task-no-longer-open", "Task no longer open", 409),
    INSTANCE_NOT_ACTIVE("instance-not-active", "Instance is not active", 409),
    VERSION_CONFLICT("version-conflict", "Conflicting update", 409),
    MIGRATION_BLOCKED("migration-blocked", "Instance cannot be migrated to the deployed version", 409),
    OWNED_BY_NEWER_DEPLOYMENT("owned-by-newer-deployment", "Instance belongs to a newer deployment", 409),
    VERSION_NOT_DEPLOYED("version-not-deployed", "Instance version is not deployed here", 409),
    INVALID_REQUEST("invalid-request", "Invalid request", 400),
    INVALID_TEXT("invalid-text", "Text cannot be stored as sent", 400),
    TEXT_TOO_LONG("text-too-long", "Text too long", 400),
    NUMBER_NOT_KEPT("number-out-of-range", "Number cannot be kept exactly", 400),
    MALFORMED_HTTP_REQUEST("malformed-http-request", "Malformed HTTP request", 400),
    UNPROCESSABLE("cannot-advance", "The instance cannot advance with this data", 422),
    UNKNOWN_INCIDENT("unknown-incident", "Unknown incident", 404),
    INCIDENT_CLOSED("incident-closed", "Incident no longer open", 409),
    INCIDENT_NOT_RETRYABLE("incident-not-retryable", "Incident cannot be retried or resolved here", 409),
    JOB_BACKLOG_FULL("job-backlog-full", "Too many jobs waiting", 429),
    STARTS_BY_MESSAGE("starts-by-message", "Process starts by message only", 409),
    NO_SUBSCRIBER("no-subscriber", "No one waits for this message", 404),
    MESSAGE_BUFFER_FULL("message-buffer-full", "Too many messages buffered", 429),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request line too long", 414),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431),
    INTERNAL("internal-error", "Internal error", 500);

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type of an error only its HTTP status describes (one raised by the HTTP layer or JAX-RS). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            default -> status < 500 ? INVALID_REQUEST : INTERNAL;
        };
    }
}
