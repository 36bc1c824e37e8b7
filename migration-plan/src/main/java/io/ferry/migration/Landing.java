package io.ferry.migration;

import io.ferry.definition.Node;
import io.ferry.definition.NodeKind.StateHeld;
import java.util.Objects;

/**
 * Where one node id of the stored version lands in the target: looked up once per route, so
 * moving a state costs one map lookup per place.
 *
 * @param newNodeId the id the chain gives it
 * @param node the target's node of that id, or null when the target has none
 * @param moved whether the id changes
 */
record Landing(String newNodeId, Node node, boolean moved) {

    /**
     * Whether a holder that needs this and runs in that sub-process node can rest here: the fast
     * answer to the three checks {@link Placement#problem} words when the answer is no (node
     * present, able to hold it, in the same sub-process). Change both together; the property
     * {@code blocksExactlyTheNodesWithoutAFittingPlace} holds them to one reference.
     */
    boolean holds(StateHeld needs, String scopeNodeId) {
        return node != null && node.kind().stateHeld() == needs && Objects.equals(node.scopeId(), scopeNodeId);
    }
}
