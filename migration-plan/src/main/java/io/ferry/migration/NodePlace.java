package io.ferry.migration;

import io.ferry.definition.NodeKind;

/**
 * One place in an instance's state that names a node, before and after the chain moved it.
 *
 * @param holderKind what kind of thing holds the node id: "waiting token", "sub-process scope"
 * @param holderId the id of the token or scope that holds it
 * @param oldNodeId the node id in the stored version
 * @param newNodeId the node id the chain gives it in the target version
 * @param needs what the target node must be able to hold
 * @param scopeNodeId the target's sub-process node the holder runs in, or null at process level
 */
record NodePlace(String holderKind, String holderId, String oldNodeId, String newNodeId, NodeKind.StateHeld needs,
        String scopeNodeId) {

    /**
     * The holder as a person would name it: "waiting token t3". Built only for problems, as most
     * migrations place every node and never need it.
     */
    String holder() {
        return holderKind + " " + holderId;
    }
}
