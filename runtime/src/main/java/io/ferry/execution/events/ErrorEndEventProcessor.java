package io.ferry.execution.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.ErrorBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import java.util.List;
import java.util.Optional;

/**
 * An error end event ends its token and throws its error from its scope: the error boundary event of
 * the nearest enclosing sub-process that catches it terminates that sub-process. An error nothing
 * catches ends only the token, as a none end event would (Camunda 7 does the same), and the history
 * says it was not caught.
 */
public final class ErrorEndEventProcessor implements ElementProcessor {

    private final ErrorBehaviour errors;

    public ErrorEndEventProcessor(ErrorBehaviour errors) {
        this.errors = errors;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        String code = node.details(NodeDetails.Error.class).errorCode();
        ObjectNode thrown = ErrorBehaviour.thrown(code, null);
        run.record(EngineEvent.ERROR_THROWN, node.id(), token.id(), thrown);
        boolean caught = errors.throwFromScope(token.scopeId(), code, run);
        thrown.put("caught", caught);
        if (caught) {
            return Optional.empty();
        }
        return run.leave(node, token.id(), token.scopeId(), List.of());
    }
}
