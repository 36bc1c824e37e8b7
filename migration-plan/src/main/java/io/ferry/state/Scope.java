package io.ferry.state;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A live embedded sub-process.
 *
 * @param id stable within the instance; tokens inside it name it as their scope
 * @param nodeId the sub-process node of the definition
 * @param parentScopeId the enclosing scope, or null at process level
 * @param tokenId the token resting at the sub-process node in the enclosing scope ({@link TokenState#SCOPE}) with
 *     the timers and subscriptions of the sub-process's boundary events; null when it has none
 */
public record Scope(String id, String nodeId, String parentScopeId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String tokenId) {

    /** A scope whose sub-process carries no timer or message boundary event. */
    public Scope(String id, String nodeId, String parentScopeId) {
        this(id, nodeId, parentScopeId, null);
    }

    public Scope withNodeId(String newNodeId) {
        return new Scope(id, newNodeId, parentScopeId, tokenId);
    }
}
