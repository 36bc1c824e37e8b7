package io.ferry.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A token at rest between two operations.
 *
 * @param id stable within the instance (it is also the id of the user task it waits at)
 * @param nodeId where the token is: a node id of the instance's definition version
 * @param scopeId the embedded sub-process scope it runs in ({@link Scope#id()}), or null at process level
 * @param state what it waits for
 * @param timers the timers armed for it: its own at a timer catch event, or those of the boundary
 *     events attached to the activity it waits at; each timer's node id is a place migration moves
 */
public record Token(String id, String nodeId, String scopeId, TokenState state,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Timer> timers) {

    public Token {
        timers = timers == null ? List.of() : List.copyOf(timers);
    }

    /** A token with no timers. */
    public Token(String id, String nodeId, String scopeId, TokenState state) {
        this(id, nodeId, scopeId, state, List.of());
    }

    public Token withNodeId(String newNodeId) {
        return new Token(id, newNodeId, scopeId, state, timers);
    }

    public Token withTimers(List<Timer> newTimers) {
        return new Token(id, nodeId, scopeId, state, newTimers);
    }
}
