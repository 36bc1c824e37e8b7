package io.ferry.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.ferry.definition.NodeKind.StateHeld;

/**
 * What a token at rest waits for. Only a {@link #USER_TASK} token is a task someone can complete;
 * a token waiting for anything else can be moved only by what it waits for.
 */
public enum TokenState {
    /** At a user task, waiting for someone to complete it. */
    USER_TASK(StateHeld.USER_TASK, "waiting token"),
    /** At a joining gateway, waiting for the tokens of the other branches. */
    JOINING(StateHeld.JOINING_TOKENS, "joining token"),
    /** At a timer catch event, waiting for its timer. */
    TIMER(StateHeld.TIMER, "token waiting for a timer"),
    /** At a service task, waiting while its job runs (or for an operator, when the job has an incident). */
    JOB(StateHeld.JOB, "token waiting for a job"),
    /** At a message catch event or receive task, waiting for its message. */
    MESSAGE(StateHeld.MESSAGE, "token waiting for a message"),
    /** At an event-based gateway, waiting for the first of its events (its timers and subscriptions). */
    EVENTS(StateHeld.EVENTS, "token waiting at an event-based gateway"),
    /**
     * At an embedded sub-process while its scope runs, holding the timers and subscriptions of the
     * sub-process's boundary events; only a sub-process with such events has one ({@link Scope#tokenId()}).
     */
    SCOPE(StateHeld.SCOPE, "token of a running sub-process");

    private final StateHeld held;
    private final String holder;

    TokenState(StateHeld held, String holder) {
        this.held = held;
        this.holder = holder;
    }

    /** What a node must be able to hold for a token in this state to rest there. */
    public StateHeld held() {
        return held;
    }

    /** How messages name such a token. */
    public String holder() {
        return holder;
    }

    /** Reads a stored state; snapshot format 1 called a user task's token {@code WAITING}. */
    @JsonCreator
    public static TokenState of(String stored) {
        return "WAITING".equals(stored) ? USER_TASK : valueOf(stored);
    }
}
