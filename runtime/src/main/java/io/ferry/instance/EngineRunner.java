package io.ferry.instance;

import io.ferry.execution.ExecutableProcess;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs the engine for a process that calls service tasks off the event loop, because their handlers
 * may block, and resumes on the caller's Vert.x context. Every other process runs in place: the
 * engine itself only computes, and a hop to a worker thread and back would cost more than the step.
 */
final class EngineRunner {

    private EngineRunner() {
    }

    static <T> Uni<T> run(ExecutableProcess process, Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || !process.callsServiceTasks()) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work::get, false).toCompletionStage());
    }
}
