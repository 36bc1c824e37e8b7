package io.ferry.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.api.ClientInput;
import io.ferry.api.InstanceViews;
import io.ferry.api.Views.InstanceView;
import io.ferry.input.ClientDocument;
import io.ferry.input.WholeNumber;
import io.ferry.api.ProblemResponses;
import io.ferry.operation.Causation;
import io.ferry.operation.IncidentRepairs;
import io.ferry.operation.InstanceTransaction;
import io.ferry.operation.OperationResult;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.ferry.rollout.MigrationRecording;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * What operators do about incidents: list them, retry a failed job with more attempts, or resolve it
 * by giving the output its handler would have returned. A blocked migration's incident is listed
 * too; it closes when an image with a plan that places the instance runs it.
 */
@Path("/incidents")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Jobs whose attempts ran out and migrations that are blocked")
public class IncidentResource {

    static final int MAX_LIST = 1000;
    static final String BAD_LIMIT = "limit must be from 1 to " + MAX_LIST + "; got %d.";
    static final String BAD_ATTEMPTS = "attempts must be from 1 to 1000; got %s.";
    static final String NOT_A_JOB = "Incident %s is a blocked migration of instance %s, not a failed job: it closes by "
            + "itself when an image whose migration plans place the instance runs it (GET /admin/migrations/preview "
            + "says why it is blocked).";
    static final String CLOSED = "Incident %s is closed since %s: the job was retried, resolved, or its instance moved on. "
            + "GET /incidents lists the open ones.";

    /** Body of {@code POST /incidents/{id}/retry}: how many more attempts the job gets (1 when absent). */
    public record RetryRequest(Integer attempts) {
    }

    /** Body of {@code POST /incidents/{id}/resolve}: the task's output, as the handler would have returned it. */
    public record ResolveRequest(ObjectNode variables) {
        public ResolveRequest {
            ClientDocument.require("variables", variables);
        }
    }

    @Inject
    IncidentQueries incidents;
    @Inject
    IncidentRepairs repairs;
    @Inject
    InstanceViews views;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Open incidents, oldest first", description = "Filter by processId, instanceId and type "
            + "(JOB_FAILED, MIGRATION_BLOCKED).")
    public Uni<List<IncidentQueries.Incident>> list(@QueryParam("processId") String processId,
            @QueryParam("instanceId") String instanceId, @QueryParam("type") String type,
            @QueryParam("limit") String limitParameter) {
        int limit = WholeNumber.parse("limit", limitParameter, 100);
        if (limit < 1 || limit > MAX_LIST) {
            throw invalid(BAD_LIMIT.formatted(limit));
        }
        UUID instance = instanceId == null || instanceId.isBlank() ? null : instanceFilter(instanceId);
        return incidents.open(blankToNull(processId), instance, blankToNull(type), limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An incident, open or resolved")
    public Uni<IncidentQueries.Incident> get(@PathParam("id") String id) {
        return found(id);
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retry the failed job: it is due at once, with the given number of further attempts (1 by default)",
            description = "Amend the instance's data first with PATCH /instances/{id}/variables when the failure came from it.")
    public Uni<RestResponse<InstanceView>> retry(@PathParam("id") String id, RetryRequest request,
            @HeaderParam("X-Request-Id") String requestId) {
        int attempts = request == null || request.attempts() == null ? 1 : request.attempts();
        if (attempts < 1 || attempts > 1000) {
            throw invalid(BAD_ATTEMPTS.formatted(attempts));
        }
        return onOpenJob(id, incident -> repairs.retryJob(incident.instanceId(), incident.jobId(), attempts,
                Causation.of(requestId, null)));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve the failed job without its handler: the service task completes with these variables "
            + "as its output", description = "Send If-Match with the instance's ETag to refuse it if the instance changed.")
    public Uni<RestResponse<InstanceView>> resolve(@PathParam("id") String id, ResolveRequest request,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Request-Id") String requestId) {
        ObjectNode variables = request == null ? null : request.variables();
        return onOpenJob(id, incident -> repairs.resolveIncident(incident.instanceId(), incident.jobId(), variables,
                InstanceViews.revision(ifMatch), Causation.of(requestId, null)));
    }

    private Uni<RestResponse<InstanceView>> onOpenJob(String id,
            Function<IncidentQueries.Incident, Uni<OperationResult<InstanceTransaction.Stored>>> operation) {
        return found(id).chain(incident -> {
            if (incident.resolvedAt() != null) {
                return Uni.createFrom().failure(Problem.of(ProblemType.INCIDENT_CLOSED,
                        CLOSED.formatted(incident.id(), incident.resolvedAt())).with("incidentId", incident.id().toString())
                        .exception());
            }
            if (MigrationRecording.MIGRATION_BLOCKED.equals(incident.type()) || incident.jobId() == null) {
                return Uni.createFrom().failure(Problem.of(ProblemType.INCIDENT_NOT_RETRYABLE,
                        NOT_A_JOB.formatted(incident.id(), incident.instanceId())).with("incidentId", incident.id().toString())
                        .exception());
            }
            return operation.apply(incident).map(result -> ProblemResponses.of(result, uri, stored -> {
                InstanceView view = views.of(stored.instance(), stored.current());
                return RestResponse.ResponseBuilder.ok(view).header("ETag", InstanceViews.etag(view.revision())).build();
            }));
        });
    }

    private Uni<IncidentQueries.Incident> found(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(unknown(id, " (incident ids are UUIDs)").exception());
        }
        return incidents.byId(uuid).onItem().ifNull().failWith(() -> unknown(id, "").exception());
    }

    private static Problem unknown(String id, String hint) {
        return Problem.of(ProblemType.UNKNOWN_INCIDENT, "No incident '" + id + "' exists" + hint + "; GET /incidents lists "
                + "the open ones.").with("incidentId", id);
    }

    private static UUID instanceFilter(String instanceId) {
        try {
            return UUID.fromString(instanceId.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("instanceId must be an instance id (a UUID); got '" + instanceId + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static RuntimeException invalid(String detail) {
        return Problem.of(ProblemType.INVALID_REQUEST, detail).exception();
    }
}
