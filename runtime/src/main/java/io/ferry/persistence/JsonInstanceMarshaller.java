package io.ferry.persistence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.input.FerryJson;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemException;
import io.ferry.problem.ProblemType;
import io.ferry.state.InstanceState;
import io.ferry.state.Job;
import io.ferry.state.Scope;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The snapshot as JSON: records map to objects, variables stay the JSON document they are.
 *
 * <p>Every snapshot carries the number of its format. Snapshots are read strictly, so that a field
 * this Ferry does not know is never dropped and written back; a snapshot of a newer format (a newer
 * Ferry during a rolling update, whose instances hold things this one does not know of) is refused
 * with 409 and left alone instead of failing with a 500. A snapshot without the number predates it
 * and is format 1.
 *
 * <p>Format 2 names what a token waits for ({@code USER_TASK}, {@code JOINING}, {@code TIMER}; format 1
 * wrote {@code WAITING} for a user task's token, which is still read) and may list a token's timers.
 * Format 3 adds tokens waiting at a service task ({@code JOB}) with their job; format 4 tokens
 * waiting for a message ({@code MESSAGE}) or at an event-based gateway ({@code EVENTS}), and any
 * token's message subscriptions; format 5 tokens at a sub-process with boundary events ({@code SCOPE})
 * and the scope's {@code tokenId} naming its token.
 */
@ApplicationScoped
public class JsonInstanceMarshaller implements InstanceMarshaller {

    /** The snapshot format this Ferry writes; raise it when the snapshot gains a field older pods cannot read. */
    public static final int FORMAT = 5;
    /** The top-level field that carries the format. */
    public static final String FORMAT_FIELD = "snapshotFormat";
    static final String NEWER_FORMAT = "Instance %s (process '%s') was stored by a newer Ferry, in snapshot format %s; "
            + "this deployment reads formats up to %d: a newer deployment owns it. Send the request to a pod of the "
            + "newer deployment; this one never rewrites or downgrades it.";

    private final ObjectMapper json = FerryJson.mapper().copy().addMixIn(InstanceState.class, FormatField.class);

    @Override
    public LoadedInstance unmarshal(InstanceRecord record) {
        JsonNode format = record.state == null ? null : record.state.get(FORMAT_FIELD);
        if (format != null && !format.isIntegralNumber()) {
            throw new IllegalStateException("Instance " + record.id + " has a snapshot Ferry cannot read: its "
                    + FORMAT_FIELD + " is " + format + ", not a format number");
        }
        if (format != null && format.asLong() > FORMAT) {
            throw newerFormat(record, format);
        }
        try {
            return new LoadedInstance(json.treeToValue(record.state, InstanceState.class), MigrationOnLoad.NOT_NEEDED);
        } catch (Exception e) {
            throw new IllegalStateException("Instance " + record.id + " has a snapshot Ferry cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the snapshot's tree directly: Jackson's {@code valueToTree} writes the state to a buffer and
     * reads it back, copying the variables too, and was the second largest of Ferry's own JSON costs
     * per operation in the benchmark's profile. The fields are those Jackson maps the records to, in the
     * same order ({@code JsonInstanceMarshallerTest} holds the two equal), so the stored text is the same.
     */
    @Override
    public JsonNode marshal(InstanceState state) {
        ObjectNode snapshot = json.createObjectNode().put(FORMAT_FIELD, FORMAT)
                .put("processId", state.processId())
                .put("version", state.version())
                .put("status", name(state.status()));
        ArrayNode tokens = snapshot.putArray("tokens");
        for (Token token : state.tokens()) {
            ObjectNode written = tokens.addObject().put("id", token.id()).put("nodeId", token.nodeId())
                    .put("scopeId", token.scopeId()).put("state", name(token.state()));
            if (!token.timers().isEmpty()) {
                ArrayNode timers = written.putArray("timers");
                for (Timer timer : token.timers()) {
                    timers.addObject().put("id", timer.id()).put("nodeId", timer.nodeId())
                            .put("armedAt", timer.armedAt().toString()).put("dueAt", timer.dueAt().toString())
                            .put("fired", timer.fired());
                }
            }
            Job job = token.job();
            if (job != null) {
                ObjectNode jobWritten = written.putObject("job").put("attempts", job.attempts())
                        .put("extraAttempts", job.extraAttempts())
                        .put("dueAt", job.dueAt() == null ? null : job.dueAt().toString());
                if (job.lastError() != null) {
                    jobWritten.put("lastError", job.lastError());
                }
                jobWritten.put("incident", job.incident());
            }
            if (!token.subscriptions().isEmpty()) {
                ArrayNode subscriptions = written.putArray("subscriptions");
                for (Subscription subscription : token.subscriptions()) {
                    subscriptions.addObject().put("id", subscription.id()).put("nodeId", subscription.nodeId())
                            .put("messageName", subscription.messageName()).put("correlationKey", subscription.correlationKey());
                }
            }
        }
        ArrayNode scopes = snapshot.putArray("scopes");
        for (Scope scope : state.scopes()) {
            ObjectNode written = scopes.addObject().put("id", scope.id()).put("nodeId", scope.nodeId())
                    .put("parentScopeId", scope.parentScopeId());
            if (scope.tokenId() != null) {
                written.put("tokenId", scope.tokenId());
            }
        }
        // The state's own variables, not a copy: the snapshot is written out before anything could change them.
        snapshot.set("variables", state.variables());
        return snapshot.put("lastIdNumber", state.lastIdNumber());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static NewerSnapshotFormat newerFormat(InstanceRecord record, JsonNode format) {
        return new NewerSnapshotFormat(Problem.of(ProblemType.OWNED_BY_NEWER_DEPLOYMENT,
                        NEWER_FORMAT.formatted(record.id, record.processId, format.asText(), FORMAT))
                .with("instanceId", String.valueOf(record.id)).with("processId", record.processId)
                .with("snapshotFormat", format.asLong()).with("readableFormat", FORMAT));
    }

    /** Thrown for a snapshot a newer Ferry wrote: the request is refused with 409 and the row left alone. */
    public static final class NewerSnapshotFormat extends ProblemException {

        NewerSnapshotFormat(Problem problem) {
            super(problem);
        }
    }

    /** The format number is the marshaller's, not part of the state. */
    @JsonIgnoreProperties(FORMAT_FIELD)
    private abstract static class FormatField {
    }
}
