package io.ferry.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import java.util.List;
import java.util.Optional;

/**
 * An error end event ends its token and throws its error from its scope: the error boundary event of
 * the nearest enclosing sub-process that catches it interrupts that sub-process. An error nothing
 * catches ends only the token, as a none end event would (Camunda 7 does the same), and the history
 * says it was not caught.
 */
final class ErrorEndEventProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        String code = node.details(NodeDetails.Error.class).errorCode();
        ObjectNode thrown = Errors.thrown(code, null);
        run.record(EngineEvent.ERROR_THROWN, node.id(), token.id(), thrown);
        boolean caught = Errors.propagate(run, null, token.scopeId(), code);
        thrown.put("caught", caught);
        if (caught) {
            return Optional.empty();
        }
        return run.leave(node, token.id(), token.scopeId(), List.of());
    }
}
