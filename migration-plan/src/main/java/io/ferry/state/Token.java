package io.ferry.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A token at rest between two operations.
 *
 * @param id stable within the instance (it is also the id of the user task or job it waits at)
 * @param nodeId where the token is: a node id of the instance's definition version
 * @param scopeId the embedded sub-process scope it runs in ({@link Scope#id()}), or null at process level
 * @param state what it waits for
 * @param timers the timers armed for it: its own at a timer catch event, or those of the boundary
 *     events attached to the activity it waits at; each timer's node id is a place migration moves
 * @param job its job when it waits at a service task ({@link TokenState#JOB}), else null
 * @param subscriptions its open message subscriptions: its own at a message catch event or receive
 *     task, or those of the message boundary events attached to the activity it waits at
 */
public record Token(String id, String nodeId, String scopeId, TokenState state,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Timer> timers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Job job,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Subscription> subscriptions) {

    public Token {
        timers = timers == null ? List.of() : List.copyOf(timers);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        if ((state == TokenState.JOB) != (job != null)) {
            throw new IllegalArgumentException("token " + id + " is " + state + (job == null ? " without a job" : " with a job"));
        }
    }

    /** A token with no subscriptions. */
    public Token(String id, String nodeId, String scopeId, TokenState state, List<Timer> timers, Job job) {
        this(id, nodeId, scopeId, state, timers, job, List.of());
    }

    /** A token with no job and no subscriptions. */
    public Token(String id, String nodeId, String scopeId, TokenState state, List<Timer> timers) {
        this(id, nodeId, scopeId, state, timers, null, List.of());
    }

    /** A token with no timers, job or subscriptions. */
    public Token(String id, String nodeId, String scopeId, TokenState state) {
        this(id, nodeId, scopeId, state, List.of(), null, List.of());
    }

    public Token withNodeId(String newNodeId) {
        return new Token(id, newNodeId, scopeId, state, timers, job, subscriptions);
    }

    public Token withTimers(List<Timer> newTimers) {
        return new Token(id, nodeId, scopeId, state, newTimers, job, subscriptions);
    }

    public Token withJob(Job newJob) {
        return new Token(id, nodeId, scopeId, state, timers, newJob, subscriptions);
    }

    public Token withSubscriptions(List<Subscription> newSubscriptions) {
        return new Token(id, nodeId, scopeId, state, timers, job, newSubscriptions);
    }
}
