package io.ferry.api;

import io.ferry.api.Views.InstanceView;
import io.ferry.api.Views.ProcessDetail;
import io.ferry.api.Views.ProcessSummary;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.ExecutableProcess;
import io.ferry.operation.Causation;
import io.ferry.operation.InstanceProblems;
import io.ferry.operation.InstanceStarts;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/processes")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Processes", description = "The process definitions this deployment runs")
public class ProcessResource {

    @Inject
    DeployedProcesses processes;
    @Inject
    InstanceStarts starts;
    @Inject
    InstanceViews views;
    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List the deployed processes (one current version each)")
    public List<ProcessSummary> list() {
        return processes.all().stream().map(process -> ProcessSummary.of(process.definition())).toList();
    }

    @GET
    @Path("/{processId}")
    @Operation(summary = "A process with its nodes and sequence flows")
    public ProcessDetail get(@PathParam("processId") String processId) {
        return ProcessDetail.of(find(processId).definition());
    }

    @GET
    @Path("/{processId}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The BPMN file the process was built from, as the modeler saved it")
    public InputStream bpmn(@PathParam("processId") String processId) {
        String resource = find(processId).definition().resource();
        InputStream xml = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (xml == null) {
            throw InstanceProblems.unknownProcess(processId).exception();
        }
        return xml;
    }

    @POST
    @Path("/{processId}/instances")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an instance", description = "With an Idempotency-Key header, repeating the request "
            + "returns the instance the first request created (200) instead of starting a second one.")
    public Uni<RestResponse<InstanceView>> start(@PathParam("processId") String processId,
            StartInstanceRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        StartInstanceRequest body = request == null ? new StartInstanceRequest(null, null) : request;
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        return starts.start(processId, body.variables(), body.businessKey(), key, Causation.of(requestId, correlationId))
                .map(result -> ProblemResponses.of(result, uri, started -> {
                    InstanceView view = views.of(started.instance(), started.current());
                    RestResponse.ResponseBuilder<InstanceView> response = started.replayed()
                            ? RestResponse.ResponseBuilder.ok(view)
                            : RestResponse.ResponseBuilder.<InstanceView>created(URI.create("/instances/" + view.id())).entity(view);
                    return response.header("ETag", InstanceViews.etag(view.revision())).build();
                }));
    }

    private ExecutableProcess find(String processId) {
        return processes.find(processId).orElseThrow(() -> InstanceProblems.unknownProcess(processId).exception());
    }
}
