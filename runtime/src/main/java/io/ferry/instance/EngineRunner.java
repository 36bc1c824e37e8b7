package io.ferry.instance;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs the engine off the event loop, because service-task handlers may block, and resumes on the
 * caller's Vert.x context, where the reactive session of the running transaction lives.
 */
final class EngineRunner {

    private EngineRunner() {
    }

    static <T> Uni<T> run(Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work::get, false).toCompletionStage());
    }
}
