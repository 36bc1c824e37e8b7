package io.ferry.execution;

import io.ferry.definition.Node;
import java.util.Optional;

/**
 * What one kind of node does with the tokens that reach it. This is the lifecycle every node
 * follows inside an operation:
 *
 * <ol>
 *   <li><b>Arrival.</b> A token in motion reaches the node (along a sequence flow, as the first
 *       token of a scope, or when an operation starts). The engine counts a step, records
 *       {@code NodeEntered} and calls {@link #onArrival}.
 *   <li><b>Decision.</b> The processor does exactly one of:
 *       <ul>
 *         <li><i>leave</i> — record {@code NodeCompleted} and send new tokens along the chosen
 *             outgoing flows ({@link Run#leave}, {@link Run#leaveActivity}); choosing no flow ends
 *             the token, which may complete its scope;
 *         <li><i>rest</i> — keep the token at the node, saying what it waits for: {@code USER_TASK}
 *             for someone to complete the task, {@code TIMER} for its timer, {@code JOINING} until its
 *             siblings arrive (a joining gateway); timers armed for it (its own, or its boundary
 *             events') rest with it and are dropped when it leaves ({@link Timers});
 *         <li><i>open a scope</i> — an embedded sub-process starts a token at its start event and
 *             is left when that scope has no tokens and no nested scopes left;
 *         <li><i>refuse</i> — return a {@link Refusal}: the whole operation is refused and
 *             nothing it did is kept.
 *       </ul>
 *   <li><b>Quiet.</b> When no token is in motion any more, the engine calls {@link #onQuiet} once
 *       for every node and scope where tokens are {@code JOINING}, and goes on until a round
 *       records nothing. Joins that need to know whether more tokens can still come (inclusive
 *       gateways) decide there.
 * </ol>
 *
 * Processors hold no state of their own; everything lives in the {@link Run}.
 */
interface NodeProcessor {

    /** The token has arrived at the node and {@code NodeEntered} is recorded. */
    Optional<Refusal> onArrival(Node node, MovingToken token, Run run);

    /** No token is in motion and tokens are joining at the node in this scope (null: process level). */
    default Optional<Refusal> onQuiet(Node node, String scopeId, Run run) {
        return Optional.empty();
    }
}
