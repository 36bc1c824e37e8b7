package io.ferry.rollout;

import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.ExecutableProcess;
import io.ferry.migration.MigrationPreview;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers "what will this rollout do?" without writing anything. One set-based query groups the
 * stored snapshots by shape ({@link MigrationPreview#SHAPES}); {@link MigrationPreview} turns the
 * shapes into counts per version and node, as the analysts' tool ({@code ferry-plan preview}) does.
 */
@ApplicationScoped
public class RolloutPreview {

    /** The statement this class issues; named here so the schema test prepares it. */
    static final String SHAPES = MigrationPreview.SHAPES;

    @Inject
    DeployedProcesses processes;
    @Inject
    MigrationRoutes routes;
    @Inject
    Pool pool;

    public Uni<MigrationPreview.Preview> preview() {
        return pool.preparedQuery(SHAPES).execute().map(this::evaluate);
    }

    private MigrationPreview.Preview evaluate(RowSet<Row> rows) {
        List<MigrationPreview.Shape> shapes = new ArrayList<>();
        for (Row row : rows) {
            String samples = row.getString(4);
            shapes.add(new MigrationPreview.Shape(row.getString(0), row.getString(1),
                    MigrationPreview.places(row.getString(2)), row.getLong(3),
                    samples == null || samples.isEmpty() ? List.of() : List.of(samples.split(","))));
        }
        // The preview only asks where nodes land; no timer rule changes that.
        return MigrationPreview.of(shapes, processId -> processes.find(processId).map(ExecutableProcess::definition),
                (state, target) -> routes.apply(state, target, null));
    }
}
