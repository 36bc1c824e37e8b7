package io.ferry.migration;

import io.ferry.definition.NodeKind;

/**
 * One place in an instance's state that names a node.
 *
 * @param holder what holds the node id, as a person would name it: "waiting token t3"
 * @param nodeId the node id
 * @param needs what the node must be able to hold
 * @param scopeNodeId the sub-process node the holder runs in, or null at process level
 */
record NodePlace(String holder, String nodeId, NodeKind.StateHeld needs, String scopeNodeId) {
}
