package io.ferry.execution.lifecycle;

import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.state.Token;
import java.util.Optional;

/**
 * What one kind of element does with the tokens that reach it: the whole lifecycle of an element
 * inside an operation. Processors hold no state of their own; everything lives in the {@link Run},
 * and the helpers they share (timers, subscriptions, jobs, errors, termination) are given to them
 * when the engine is built.
 *
 * <ol>
 *   <li><b>Arrival</b> ({@link #onArrival}). A token in motion reaches the element along a sequence
 *       flow, as the first token of a scope, or when an operation starts; the engine has counted a step
 *       and recorded {@code NodeEntered}. The processor does exactly one of:
 *       <ul>
 *         <li><i>leave</i> — record {@code NodeCompleted} and send new tokens along the chosen
 *             outgoing flows ({@link Run#leave}, {@link Run#leaveActivity}); choosing no flow ends the
 *             token's path, and its container is told ({@link ContainerProcessor#onChildPathEnded});
 *         <li><i>rest</i> — keep the token at the element with what it waits for (a task to be
 *             completed, a job, a timer, a message, the other tokens of a join); the timers,
 *             subscriptions and job it rests with become effects when the operation is stored;
 *         <li><i>open a scope</i> — a container (a sub-process) starts a token inside and is left when
 *             its last path ends;
 *         <li><i>refuse</i> — return a {@link Refusal}: the whole operation is refused and nothing it
 *             did is kept.
 *       </ul>
 *   <li><b>Trigger</b> ({@link #onTrigger}). Something the resting token waits for happened — a
 *       {@link Trigger}: a task completed, a job's report, a message, a timer. The engine has found
 *       the token and the element the trigger belongs to (a boundary event's trigger goes to the boundary
 *       event, not to the activity it hangs on) and checked it applies; the processor leaves, rests
 *       again, or refuses as on arrival. An element that waits for nothing is never triggered.
 *   <li><b>Quiet</b> ({@link #onQuiet}). When no token is in motion any more, the engine calls it once
 *       for every element and scope where tokens are joining, and goes on until a round records
 *       nothing: joins that must know whether more tokens can still come (inclusive gateways) decide
 *       there.
 *   <li><b>Termination</b> ({@link #onTerminate}). The resting token is ended without completing: by
 *       a cancel, a terminate end event, an interrupting boundary event or an error leaving its scope.
 *       The termination behaviour calls this, then takes the token out and records {@code
 *       NodeTerminated} with the {@link Termination} that ended it; its timers, subscriptions and job
 *       are dropped with it by effects. A container terminates everything inside it here first.
 * </ol>
 */
public interface ElementProcessor {

    /** The token has arrived at the element and {@code NodeEntered} is recorded. */
    Optional<Refusal> onArrival(Node node, MovingToken token, Run run);

    /**
     * What the resting token waits for happened. An element that waits for something answers with a
     * {@link Trigger.Visitor}, which says for every kind of trigger what the element does with it
     * (most kinds are {@link Trigger#unexpected} there): a new kind of trigger does not compile until
     * each such element has decided.
     *
     * @param node the element the trigger belongs to: the token's own, or the boundary event or
     *     event after an event-based gateway whose timer or subscription it is
     */
    default Optional<Refusal> onTrigger(Node node, Token token, Trigger trigger, Run run) {
        throw Trigger.unexpected(node, trigger);
    }

    /** No token is in motion and tokens are joining at the element in this scope (null: process level). */
    default Optional<Refusal> onQuiet(Node node, String scopeId, Run run) {
        return Optional.empty();
    }

    /** The resting token is being terminated; {@code NodeTerminated} is recorded after this returns. */
    default void onTerminate(Node node, Token token, Termination termination, Run run) {
    }

    /** The element as a container of other elements, if it is one. */
    default Optional<ContainerProcessor> asContainer() {
        return Optional.empty();
    }
}
