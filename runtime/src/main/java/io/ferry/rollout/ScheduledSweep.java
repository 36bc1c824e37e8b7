package io.ferry.rollout;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The sweep on a schedule: off unless {@code quarkus.ferry.migration.sweep-every} is set (e.g. {@code 5m}). */
@ApplicationScoped
public class ScheduledSweep {

    private static final Logger LOG = Logger.getLogger(ScheduledSweep.class);

    @Inject
    MigrationSweep sweep;

    @Scheduled(identity = "ferry-migration-sweep", every = "${quarkus.ferry.migration.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweepOldInstances() {
        return sweep.sweep(100, 10).invoke(report -> {
            if (report.migrated() + report.blocked() > 0) {
                LOG.infof("Scheduled migration sweep: %d migrated, %d blocked", report.migrated(), report.blocked());
            }
        }).replaceWithVoid();
    }
}
