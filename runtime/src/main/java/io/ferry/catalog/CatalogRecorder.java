package io.ferry.catalog;

import io.quarkus.runtime.annotations.Recorder;
import io.ferry.rollout.ShippedMigrations;
import java.util.function.Supplier;

/** Turns the model recorded at build time into the runtime's immutable catalog bean. */
@Recorder
public class CatalogRecorder {

    public Supplier<DeployedProcesses> deployedProcesses() {
        return () -> DeployedProcesses.load(Thread.currentThread().getContextClassLoader());
    }

    public Supplier<ShippedMigrations> shippedMigrations() {
        return () -> ShippedMigrations.load(Thread.currentThread().getContextClassLoader());
    }
}
