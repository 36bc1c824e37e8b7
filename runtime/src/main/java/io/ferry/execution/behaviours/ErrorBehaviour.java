package io.ferry.execution.behaviours;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import java.util.Optional;

/**
 * Where a BPMN error goes: to the first error boundary event that catches its code, looking at the
 * activity that raised it (a service task), then at each sub-process around it, innermost first. What
 * the catching event is attached to is terminated (a sub-process with everything inside it, the
 * raising activity included) and a token leaves from the event.
 */
public final class ErrorBehaviour {

    private final TerminationBehaviour termination;

    public ErrorBehaviour(TerminationBehaviour termination) {
        this.termination = termination;
    }

    /**
     * Throws the error from a resting activity; returns false, changing nothing, when nothing catches it.
     *
     * @param activity the token of the service task that raised it
     */
    public boolean throwFrom(Token activity, String code, Run run) {
        Optional<Node> catching = catcher(run, activity.nodeId(), code);
        if (catching.isPresent()) {
            termination.terminate(activity, Termination.byError(catching.get()), run);
            run.arrive(catching.get().id(), activity.scopeId());
            return true;
        }
        return throwFromScope(activity.scopeId(), code, run);
    }

    /** Throws the error from a scope (an error end event's); returns false, changing nothing, when nothing catches it. */
    public boolean throwFromScope(String scopeId, String code, Run run) {
        for (String current = scopeId; current != null; ) {
            Scope scope = run.scope(current).orElseThrow();
            Optional<Node> catching = catcher(run, scope.nodeId(), code);
            if (catching.isPresent()) {
                termination.terminateScope(scope, Termination.byError(catching.get()), run);
                run.arrive(catching.get().id(), scope.parentScopeId());
                return true;
            }
            current = scope.parentScopeId();
        }
        return false;
    }

    private static Optional<Node> catcher(Run run, String activityId, String code) {
        return run.process().boundaryErrors(activityId).stream()
                .filter(boundary -> boundary.details(NodeDetails.BoundaryError.class).catches(code))
                .findFirst();
    }

    /** {@code ErrorThrown}'s data. */
    public static ObjectNode thrown(String code, String message) {
        return JsonNodeFactory.instance.objectNode().put("errorCode", code).put("message", message);
    }
}
