package io.ferry.catalog;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads the model and the migration chains the build recorded. Reading them is Ferry's largest
 * share of start-up (Jackson learning the model's types, the expression engine starting), and it
 * needs nothing Quarkus builds, so on the JVM it runs on a thread of its own from the first
 * moments of start-up while Quarkus sets up everything else; the beans wait for it when they are
 * made, still before the pod reports ready. A failure to read surfaces there, as it was raised.
 * A native image is built without started threads, so there the beans read when they are made.
 */
public final class CatalogLoading {

    private final FutureTask<Loaded> loaded;

    private CatalogLoading(FutureTask<Loaded> loaded) {
        this.loaded = loaded;
    }

    /** Starts reading now, on a daemon thread, with the application's class loader. */
    public static CatalogLoading inBackground(ClassLoader classLoader) {
        FutureTask<Loaded> task = new FutureTask<>(() -> Loaded.read(classLoader));
        Thread thread = new Thread(task, "ferry-catalog-loading");
        thread.setDaemon(true);
        thread.start();
        return new CatalogLoading(task);
    }

    /** Reads on first use, on the thread that uses it, with that thread's class loader. */
    public static CatalogLoading onFirstUse() {
        return new CatalogLoading(new FutureTask<>(() -> Loaded.read(Thread.currentThread().getContextClassLoader())));
    }

    public DeployedProcesses processes() {
        return loaded().processes();
    }

    public ShippedMigrations migrations() {
        return loaded().migrations();
    }

    private Loaded loaded() {
        loaded.run(); // reads here unless it ran, or is running, elsewhere (FutureTask runs at most once)
        try {
            return loaded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the recorded process model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Loaded(DeployedProcesses processes, ShippedMigrations migrations) {

        static Loaded read(ClassLoader classLoader) {
            return new Loaded(DeployedProcesses.load(classLoader), ShippedMigrations.load(classLoader));
        }
    }
}
