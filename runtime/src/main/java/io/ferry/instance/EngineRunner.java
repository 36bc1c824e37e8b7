package io.ferry.instance;

import io.ferry.definition.Node;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.ExecutableProcess;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the engine for a process that calls service tasks off the event loop, because their handlers
 * may block, and resumes on the caller's Vert.x context. Every other process runs in place: the
 * engine itself only computes, and a hop to a worker thread and back would cost more than the step.
 * A start that cannot reach a service task runs in place too (in the reference {@code order} process
 * the hop cost the start a worker thread's wake-up and a second one to resume, for a token that stops
 * at the first user task).
 */
final class EngineRunner {

    /** Per process: whether starting an instance can reach a service task before every token waits. */
    private static final Map<ExecutableProcess, Boolean> START_CALLS_SERVICE_TASKS = new ConcurrentHashMap<>();

    /** What a node can do with a token that arrives there during the operation. */
    private enum TokenAt {
        CALL, WAIT, SCOPE, PASS
    }

    private EngineRunner() {
    }

    static <T> Uni<T> run(ExecutableProcess process, Supplier<T> work) {
        return run(process.callsServiceTasks(), work);
    }

    /**
     * Runs the start of an instance: in place when no service task can run before its tokens rest,
     * as in a process that begins with a user task, even if the process calls service tasks later.
     */
    static <T> Uni<T> runStart(ExecutableProcess process, Supplier<T> work) {
        return run(process.callsServiceTasks()
                && START_CALLS_SERVICE_TASKS.computeIfAbsent(process, EngineRunner::startCallsServiceTasks), work);
    }

    private static <T> Uni<T> run(boolean mayBlock, Supplier<T> work) {
        Context context = Vertx.currentContext();
        if (context == null || !mayBlock) {
            return Uni.createFrom().item(work);
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work::get, false).toCompletionStage());
    }

    /**
     * Walks the flows from the process's start events the way tokens move within one operation. Only a
     * user task stops a token for sure; every other node is passed through (an embedded sub-process is
     * also entered), so the answer errs on the side of a hop.
     */
    private static boolean startCallsServiceTasks(ExecutableProcess process) {
        ProcessDefinition definition = process.definition();
        Deque<Node> reached = new ArrayDeque<>(definition.startEvents(null));
        Set<String> seen = new HashSet<>();
        while (!reached.isEmpty()) {
            Node node = reached.pop();
            if (!seen.add(node.id())) {
                continue;
            }
            // A switch expression, so that a new kind of node does not compile until it is placed here.
            TokenAt at = switch (node.kind()) {
                case SERVICE_TASK -> TokenAt.CALL;
                case USER_TASK, TIMER_CATCH_EVENT -> TokenAt.WAIT;
                case SUB_PROCESS -> TokenAt.SCOPE;
                case START_EVENT, END_EVENT, TERMINATE_END_EVENT, TASK, MANUAL_TASK, EXCLUSIVE_GATEWAY, PARALLEL_GATEWAY,
                        INCLUSIVE_GATEWAY, BOUNDARY_TIMER_EVENT -> TokenAt.PASS;
            };
            if (at == TokenAt.CALL) {
                return true;
            }
            if (at == TokenAt.WAIT) {
                continue;
            }
            if (at == TokenAt.SCOPE) {
                reached.addAll(definition.startEvents(node.id()));
            }
            for (String flowId : node.outgoing()) {
                reached.add(definition.requireNode(definition.requireFlow(flowId).targetId()));
            }
        }
        return false;
    }
}
