package io.ferry.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.state.Scope;
import java.util.Optional;

/**
 * Where a BPMN error goes: to the first error boundary event that catches its code, looking at the
 * activity that raised it (a service task), then at each sub-process around it, innermost first. The
 * catching event interrupts what it is attached to — a sub-process with everything inside it — and a
 * token leaves from the event.
 */
final class Errors {

    private Errors() {
    }

    /**
     * Throws the error from an activity or end event in a scope; returns false when nothing catches it.
     *
     * @param activity the service task that raised it, or null for an error end event (its scope throws)
     */
    static boolean propagate(Run run, Node activity, String scopeId, String code) {
        if (activity != null) {
            Optional<Node> catching = catcher(run, activity.id(), code);
            if (catching.isPresent()) {
                run.record(EngineEvent.NODE_TERMINATED, activity.id(), null, by(catching.get()));
                run.arrive(catching.get().id(), scopeId);
                return true;
            }
        }
        for (String current = scopeId; current != null; ) {
            Scope scope = run.scope(current).orElseThrow();
            Optional<Node> catching = catcher(run, scope.nodeId(), code);
            if (catching.isPresent()) {
                run.dropScope(scope.id(), catching.get());
                run.record(EngineEvent.NODE_TERMINATED, scope.nodeId(), scope.id(), by(catching.get()));
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

    private static ObjectNode by(Node boundary) {
        return JsonNodeFactory.instance.objectNode().put("by", boundary.id());
    }

    static ObjectNode thrown(String code, String message) {
        return JsonNodeFactory.instance.objectNode().put("errorCode", code).put("message", message);
    }
}
