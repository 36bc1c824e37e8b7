package io.ferry.catalog;

import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import java.util.function.Supplier;

/** Turns the model recorded at build time into the runtime's immutable catalog beans. */
@Recorder
public class CatalogRecorder {

    /** Runs at static init, so reading overlaps the rest of start-up (see {@link CatalogLoading}). */
    public RuntimeValue<CatalogLoading> startLoading() {
        return new RuntimeValue<>(ImageMode.current().isNativeImage() ? CatalogLoading.onFirstUse()
                : CatalogLoading.inBackground(Thread.currentThread().getContextClassLoader()));
    }

    public Supplier<DeployedProcesses> deployedProcesses(RuntimeValue<CatalogLoading> loading) {
        return () -> loading.getValue().processes();
    }

    public Supplier<ShippedMigrations> shippedMigrations(RuntimeValue<CatalogLoading> loading) {
        return () -> loading.getValue().migrations();
    }
}
