package io.ferry.state;

/**
 * A token at rest between two operations.
 *
 * @param id stable within the instance (it is also the id of the user task it waits at)
 * @param nodeId where the token is: a node id of the instance's definition version
 * @param scopeId the embedded sub-process scope it runs in ({@link Scope#id()}), or null at process level
 * @param state why it rests there
 */
public record Token(String id, String nodeId, String scopeId, TokenState state) {

    public Token withNodeId(String newNodeId) {
        return new Token(id, newNodeId, scopeId, state);
    }
}
