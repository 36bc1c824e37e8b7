package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.state.Scope;
import java.util.Optional;

/**
 * An embedded sub-process opens a scope and starts a token at its none start event. The scope is
 * completed by {@link Run#completeScopeIfEmpty} once nothing runs in it any more; then the
 * sub-process records {@code NodeCompleted} (naming the scope) and is left like any activity.
 */
final class SubProcessProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        Scope scope = run.openScope(node, token);
        run.arrive(run.process().startEvent(node.id()).id(), scope.id());
        return Optional.empty();
    }
}
