package io.ferry.catalog;

import io.quarkus.runtime.annotations.Recorder;
import java.util.function.Supplier;

/** Turns the model recorded at build time into the runtime's immutable catalog bean. */
@Recorder
public class CatalogRecorder {

    public Supplier<DeployedProcesses> deployedProcesses() {
        return () -> DeployedProcesses.load(Thread.currentThread().getContextClassLoader());
    }
}
