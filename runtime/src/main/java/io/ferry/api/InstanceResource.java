package io.ferry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.api.Views.HistoryEventView;
import io.ferry.api.Views.InstancePage;
import io.ferry.api.Views.InstanceView;
import io.ferry.api.Views.TaskView;
import io.ferry.input.ClientDocument;
import io.ferry.input.InputLimits;
import io.ferry.input.WholeNumber;
import io.ferry.operation.Causation;
import io.ferry.operation.InstanceChanges;
import io.ferry.operation.InstanceProblems;
import io.ferry.operation.InstanceQueries;
import io.ferry.operation.InstanceTransaction;
import io.ferry.operation.OperationResult;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.ferry.state.InstanceStatus;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/instances")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Instances", description = "Running and finished process instances")
public class InstanceResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String BAD_PAGE = "page must be 0 or more and size between 1 and %d; got page=%d, size=%d.";
    static final String PAGE_TOO_FAR = "page × size, the number of instances to skip, must be at most %d; got page=%d, "
            + "size=%d. No list is that long: ask for a lower page.";

    @Inject
    InstanceChanges changes;
    @Inject
    InstanceQueries queries;
    @Inject
    InstanceViews views;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Find instances", description = "Filters combine; pages start at 0.")
    public Uni<InstancePage> list(@QueryParam("processId") String processId, @QueryParam("version") String version,
            @QueryParam("status") String status, @QueryParam("businessKey") String businessKey,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) String pageParameter,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) String sizeParameter) {
        int page = WholeNumber.parse("page", pageParameter, 0);
        int size = WholeNumber.parse("size", sizeParameter, 20);
        if (page < 0 || size < 1 || size > InputLimits.PAGE_SIZE) {
            throw invalid(BAD_PAGE.formatted(InputLimits.PAGE_SIZE, page, size));
        }
        if ((long) page * size > InputLimits.LIST_OFFSET) {
            throw invalid(PAGE_TOO_FAR.formatted(InputLimits.LIST_OFFSET, page, size));
        }
        var filter = new InstanceQueries.Filter(processId, version, status(status), businessKey);
        return queries.instances(filter, page, size).map(found -> new InstancePage(
                found.items().stream().map(views::summary).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An instance: status, variables, active nodes, open tasks and incidents")
    public Uni<RestResponse<InstanceView>> get(@PathParam("id") String id) {
        return onInstance(id, uuid -> queries.instance(uuid).map(found -> ProblemResponses.of(found, uri,
                stored -> respond(views.of(stored)))));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "The instance's history, oldest first, with correlation and causation ids")
    public Uni<RestResponse<List<HistoryEventView>>> history(@PathParam("id") String id) {
        return onInstance(id, uuid -> queries.history(uuid).map(found -> ProblemResponses.of(found, uri,
                events -> RestResponse.ok(events.stream().map(HistoryEventView::of).toList()))));
    }

    @GET
    @Path("/{id}/tasks")
    @Operation(summary = "The instance's open user tasks")
    public Uni<RestResponse<List<TaskView>>> tasks(@PathParam("id") String id) {
        return onInstance(id, uuid -> queries.instance(uuid).map(found -> ProblemResponses.of(found, uri,
                stored -> RestResponse.ok(views.of(stored).tasks()))));
    }

    @POST
    @Path("/{id}/tasks/{taskId}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete a user task", description = "taskId is the task's id from GET /instances/{id}/tasks, "
            + "or the user task's node id when exactly one task is open there. Send If-Match with the ETag to refuse "
            + "the completion if the instance changed since you read it.")
    public Uni<RestResponse<InstanceView>> completeTask(@PathParam("id") String id, @PathParam("taskId") String taskId,
            CompleteTaskRequest request, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId) {
        var variables = request == null ? null : request.variables();
        return onInstance(id, uuid -> changes.completeTask(uuid, taskId, variables, InstanceViews.revision(ifMatch),
                Causation.of(requestId, null)).map(this::respond));
    }

    @PATCH
    @Path("/{id}/variables")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Amend the instance's data with a JSON merge patch (RFC 7386)",
            description = "Fields set to null are removed; fields not named are kept as they are.")
    public Uni<RestResponse<InstanceView>> updateVariables(@PathParam("id") String id, JsonNode patch,
            @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Request-Id") String requestId) {
        if (patch == null || !patch.isObject()) {
            throw invalid("The body must be a JSON object (a merge patch of the variables), like {\"amount\": 120}.");
        }
        ClientDocument.require("variables", patch);
        return onInstance(id, uuid -> changes.updateVariables(uuid, patch, InstanceViews.revision(ifMatch),
                Causation.of(requestId, null)).map(this::respond));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel the instance: its tokens are removed and it accepts no further operations")
    public Uni<RestResponse<InstanceView>> cancel(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam("X-Request-Id") String requestId) {
        return onInstance(id, uuid -> changes.cancel(uuid, InstanceViews.revision(ifMatch), Causation.of(requestId, null))
                .map(this::respond));
    }

    private RestResponse<InstanceView> respond(OperationResult<InstanceTransaction.Stored> result) {
        return ProblemResponses.of(result, uri, stored -> respond(views.of(stored.instance(), stored.current())));
    }

    private static RestResponse<InstanceView> respond(InstanceView view) {
        return RestResponse.ResponseBuilder.ok(view).header("ETag", InstanceViews.etag(view.revision())).build();
    }

    /** Runs the operation on the instance the path names; an id that is no UUID names no instance. */
    private <V> Uni<RestResponse<V>> onInstance(String id, Function<UUID, Uni<RestResponse<V>>> operation) {
        Optional<UUID> uuid = uuid(id);
        return uuid.isPresent() ? operation.apply(uuid.get())
                : Uni.createFrom().item(ProblemResponses.of(InstanceProblems.unknownInstance(id), uri));
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return InstanceStatus.valueOf(status.strip().toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw invalid("status must be one of " + Arrays.toString(InstanceStatus.values()) + "; got '" + status + "'.");
        }
    }

    private static RuntimeException invalid(String detail) {
        return Problem.of(ProblemType.INVALID_REQUEST, detail).exception();
    }
}
