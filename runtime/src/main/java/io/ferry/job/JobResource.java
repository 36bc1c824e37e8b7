package io.ferry.job;

import io.ferry.api.ClientInput;
import io.ferry.persistence.DueJobs;
import io.ferry.persistence.DueRows;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/jobs")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Service tasks' jobs: how far behind the workers are, and running them by hand")
public class JobResource {

    @Inject
    JobWorker worker;
    @Inject
    DueJobs jobs;
    @Inject
    Clock clock;

    @GET
    @Path("/backlog")
    @Operation(summary = "How many jobs are due and not run yet, and since when the oldest of them is due")
    public Uni<DueRows.Backlog> backlog() {
        return jobs.backlog(clock.instant());
    }

    @POST
    @Path("/run")
    @Operation(summary = "Run the jobs due now, as a worker does (one batch)",
            description = "For pods that run with quarkus.ferry.jobs.poll-every=off, and for operators: the same "
                    + "claim as the workers', so a job another pod is running is left alone.")
    public Uni<JobWorker.Report> run() {
        return worker.runDue();
    }
}
