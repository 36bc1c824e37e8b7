package io.ferry.execution.containers;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.BoundaryEventBehaviour;
import io.ferry.execution.behaviours.TerminationBehaviour;
import io.ferry.execution.lifecycle.ContainerProcessor;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.Optional;

/**
 * An embedded sub-process: an element that opens a scope and starts a token at its none start
 * event, and the container of that scope. It completes once nothing runs in the scope any more;
 * then it records {@code NodeCompleted} (naming the scope) and is left like any activity.
 *
 * <p>When timer or message boundary events hang on the sub-process, the token that reached it rests
 * there ({@link TokenState#SCOPE}) with their timers and subscriptions, as a task's token does, for as
 * long as the scope runs. Terminating that token terminates everything in the scope first.
 */
public final class SubProcessProcessor implements ElementProcessor, ContainerProcessor {

    private final BoundaryEventBehaviour boundaryEvents;
    private final TerminationBehaviour termination;

    public SubProcessProcessor(BoundaryEventBehaviour boundaryEvents, TerminationBehaviour termination) {
        this.boundaryEvents = boundaryEvents;
        this.termination = termination;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        BoundaryEventBehaviour.Armed boundaries = boundaryEvents.arm(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        Scope scope = run.openScope(node, token, boundaries.watched() ? token.id() : null);
        if (boundaries.watched()) {
            run.rest(token, TokenState.SCOPE, boundaries.timers(), null, boundaries.subscriptions());
        }
        run.arrive(run.process().startEvent(node.id()).id(), scope.id());
        return Optional.empty();
    }

    /** The sub-process's token is terminated: everything in its scope is terminated first, then the scope goes. */
    @Override
    public void onTerminate(Node node, Token token, Termination why, Run run) {
        run.scopeHeldBy(token.id()).ifPresent(scope -> {
            termination.terminateContents(scope.id(), why, run);
            run.removeScope(scope);
        });
    }

    @Override
    public Optional<ContainerProcessor> asContainer() {
        return Optional.of(this);
    }

    /** Once nothing runs in the scope, the sub-process completes, its token (with its boundary events) goes, and it is left. */
    @Override
    public Optional<Refusal> onChildPathEnded(Scope scope, Run run) {
        if (run.hasChildren(scope.id())) {
            return Optional.empty();
        }
        run.removeScope(scope);
        if (scope.tokenId() != null) {
            run.resting().stream().filter(token -> token.id().equals(scope.tokenId())).findFirst().ifPresent(run::remove);
        }
        Node subProcess = run.process().node(scope.nodeId());
        return run.outgoingFlows().allMet(subProcess)
                .then(flows -> run.leave(subProcess, scope.id(), scope.parentScopeId(), flows));
    }
}
