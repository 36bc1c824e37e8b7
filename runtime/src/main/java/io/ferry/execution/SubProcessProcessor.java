package io.ferry.execution;

import io.ferry.definition.Node;
import io.ferry.state.Scope;
import io.ferry.state.TokenState;
import java.util.Optional;

/**
 * An embedded sub-process opens a scope and starts a token at its none start event. The scope is
 * completed by {@link Run#completeScopeIfEmpty} once nothing runs in it any more; then the
 * sub-process records {@code NodeCompleted} (naming the scope) and is left like any activity.
 *
 * <p>When timer or message boundary events hang on the sub-process, the token that reached it rests
 * there ({@link TokenState#SCOPE}) with their timers and subscriptions, as a task's token does, for as
 * long as the scope runs; an interrupting one that fires ends the scope with everything inside it.
 */
final class SubProcessProcessor implements NodeProcessor {

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        Timers.Boundaries boundaries = Timers.armBoundaries(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        boolean watched = !boundaries.timers().isEmpty() || !boundaries.subscriptions().isEmpty();
        Scope scope = run.openScope(node, token, watched ? token.id() : null);
        if (watched) {
            run.rest(token, TokenState.SCOPE, boundaries, null);
        }
        run.arrive(run.process().startEvent(node.id()).id(), scope.id());
        return Optional.empty();
    }
}
