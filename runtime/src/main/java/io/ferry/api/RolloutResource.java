package io.ferry.api;

import io.ferry.catalog.PlanSummary;
import io.ferry.catalog.ShippedMigrations;
import io.ferry.input.InputLimits;
import io.ferry.input.WholeNumber;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.ferry.rollout.MigrationSweep;
import io.ferry.rollout.RolloutPreview;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin/migrations")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Migrations", description = "The plans this image ships, a dry run of the rollout, and the sweep")
public class RolloutResource {

    @Inject
    ShippedMigrations shipped;
    @Inject
    RolloutPreview preview;
    @Inject
    MigrationSweep sweep;

    @GET
    @Operation(summary = "The migration plans in this image and the direct chains composed from them at build time")
    public Shipped migrations() {
        return new Shipped(shipped.plans(), shipped.chains().chains());
    }

    /** The plans as the image shipped them, and one direct chain per older version. */
    public record Shipped(java.util.List<PlanSummary> plans, java.util.List<io.ferry.plan.CompiledChain> chains) {
    }

    @GET
    @Path("/preview")
    @Operation(summary = "Dry run: per process, stored version and node, how many active instances (and tokens) rest there, where they move, and which would block; per version, how many instances move and how many do not",
            description = "Read-only: nothing is written.")
    public Uni<io.ferry.migration.MigrationPreview.Preview> preview() {
        return preview.preview();
    }

    @POST
    @Path("/sweep")
    @Operation(summary = "Migrate idle instances of older versions now, in batches",
            description = "Each batch is one transaction locking its rows with FOR NO KEY UPDATE SKIP LOCKED, so several "
                    + "pods can sweep at once. Blocked instances get a MIGRATION_BLOCKED incident and stay as they are. "
                    + "A call stops starting batches after 10 s; the next call on the same pod goes on where it stopped. "
                    + "Call again while a process reports finished=false.")
    public Uni<MigrationSweep.Report> sweep(
            @QueryParam("batchSize") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100")) String batchSizeParameter,
            @QueryParam("maxBatches") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10")) String maxBatchesParameter) {
        int batchSize = WholeNumber.parse("batchSize", batchSizeParameter, 100);
        int maxBatches = WholeNumber.parse("maxBatches", maxBatchesParameter, 10);
        if (batchSize < 1 || batchSize > InputLimits.SWEEP_BATCH || maxBatches < 1) {
            throw Problem.of(ProblemType.INVALID_REQUEST, "batchSize must be between 1 and " + InputLimits.SWEEP_BATCH
                    + " and maxBatches at least 1; got batchSize=" + batchSize + ", maxBatches=" + maxBatches + ".").exception();
        }
        return sweep.sweep(batchSize, maxBatches);
    }
}
