package io.ferry.rollout;

import io.ferry.catalog.DeployedProcesses;
import io.ferry.catalog.ShippedMigrations;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.ExecutableProcess;
import io.ferry.migration.MigrationResult;
import io.ferry.migration.Routes;
import io.ferry.state.InstanceState;
import jakarta.inject.Inject;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * The shipped chains joined with the deployed definitions once, at start (before the pod reports
 * ready), so that moving an instance on load only looks its node ids up.
 */
@Startup
@Singleton
public class MigrationRoutes {

    private final Routes routes;

    @Inject
    MigrationRoutes(ShippedMigrations migrations, DeployedProcesses processes) {
        routes = Routes.of(migrations.chains(), processes.all().stream().map(ExecutableProcess::definition).toList());
    }

    /** Moves the state to the deployed version of its process, which is {@code target}, at the moment {@code now}. */
    public MigrationResult apply(InstanceState state, ProcessDefinition target, Instant now) {
        return routes.apply(state, target, now);
    }
}
