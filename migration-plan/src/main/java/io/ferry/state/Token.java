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
 */
public record Token(String id, String nodeId, String scopeId, TokenState state,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Timer> timers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Job job) {

    public Token {
        timers = timers == null ? List.of() : List.copyOf(timers);
        if ((state == TokenState.JOB) != (job != null)) {
            throw new IllegalArgumentException("token " + id + " is " + state + (job == null ? " without a job" : " with a job"));
        }
    }

    /** A token with no job. */
    public Token(String id, String nodeId, String scopeId, TokenState state, List<Timer> timers) {
        this(id, nodeId, scopeId, state, timers, null);
    }

    /** A token with no timers and no job. */
    public Token(String id, String nodeId, String scopeId, TokenState state) {
        this(id, nodeId, scopeId, state, List.of(), null);
    }

    public Token withNodeId(String newNodeId) {
        return new Token(id, newNodeId, scopeId, state, timers, job);
    }

    public Token withTimers(List<Timer> newTimers) {
        return new Token(id, nodeId, scopeId, state, newTimers, job);
    }

    public Token withJob(Job newJob) {
        return new Token(id, nodeId, scopeId, state, timers, newJob);
    }
}
