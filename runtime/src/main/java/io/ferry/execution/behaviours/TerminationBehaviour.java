package io.ferry.execution.behaviours;

import io.ferry.definition.Node;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way an element ends without completing, whatever ended it: a cancel, a terminate end
 * event, an interrupting boundary event, an error leaving a scope. Each resting token's processor is
 * told ({@link ElementProcessor#onTerminate}; a container terminates its children there first), the
 * token is taken out and {@code NodeTerminated} records what ended it; its timers, subscriptions and
 * job go with it as effects. Tokens in motion had not entered their element yet and are dropped.
 */
public final class TerminationBehaviour {

    private final Function<Node, ElementProcessor> processors;

    /** @param processors the processor of an element */
    public TerminationBehaviour(Function<Node, ElementProcessor> processors) {
        this.processors = processors;
    }

    /** Terminates the element a resting token waits at, everything inside it first when it is a sub-process. */
    public void terminate(Token token, Termination termination, Run run) {
        Node node = run.process().node(token.nodeId());
        processors.apply(node).onTerminate(node, token, termination, run);
        run.remove(token);
        run.record(EngineEvent.NODE_TERMINATED, node.id(), token.id(), termination.data());
        run.containerOf(token.scopeId()).onChildTerminated(run.scope(token.scopeId()).orElse(null), node.id(), termination, run);
    }

    /**
     * Terminates everything inside a scope (null: the whole instance), in the order it was started; the
     * scope itself stays, for its container to complete or end.
     */
    public void terminateContents(String scopeId, Termination termination, Run run) {
        run.dropInMotionIn(scopeId);
        run.restingIn(scopeId).forEach(token -> terminate(token, termination, run));
        run.scopesIn(scopeId).forEach(scope -> terminateScope(scope, termination, run));
    }

    /**
     * Terminates a sub-process with everything inside it: through its token when it has one (it
     * carries boundary events), else as its scope, which {@code NodeTerminated} then names.
     */
    public void terminateScope(Scope scope, Termination termination, Run run) {
        Optional<Token> held = run.resting().stream().filter(token -> token.id().equals(scope.tokenId())).findFirst();
        if (held.isPresent()) {
            terminate(held.get(), termination, run);
            return;
        }
        terminateContents(scope.id(), termination, run);
        run.removeScope(scope);
        run.record(EngineEvent.NODE_TERMINATED, scope.nodeId(), scope.id(), termination.data());
        run.containerOf(scope.parentScopeId()).onChildTerminated(run.scope(scope.parentScopeId()).orElse(null),
                scope.nodeId(), termination, run);
    }
}
