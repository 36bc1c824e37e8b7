package io.ferry.state;

/**
 * A live embedded sub-process.
 *
 * @param id stable within the instance; tokens inside it name it as their scope
 * @param nodeId the sub-process node of the definition
 * @param parentScopeId the enclosing scope, or null at process level
 */
public record Scope(String id, String nodeId, String parentScopeId) {

    public Scope withNodeId(String newNodeId) {
        return new Scope(id, newNodeId, parentScopeId);
    }
}
