package io.ferry.migration;

import io.ferry.definition.Node;
import io.ferry.definition.NodeKind.StateHeld;
import io.ferry.definition.ProcessDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Checks that every node place of a moved state fits the target definition. */
final class Placement {

    private Placement() {
    }

    /**
     * @param before the places in the stored state
     * @param after the same places in the moved state, in the same order
     */
    static List<UnplacedNode> unplaced(List<NodePlace> before, List<NodePlace> after, ProcessDefinition target) {
        List<UnplacedNode> unplaced = new ArrayList<>();
        for (int index = 0; index < before.size(); index++) {
            NodePlace stored = before.get(index);
            problem(stored, after.get(index), target)
                    .map(reason -> new UnplacedNode(stored.nodeId(), reason))
                    .ifPresent(unplaced::add);
        }
        return unplaced;
    }

    private static Optional<String> problem(NodePlace before, NodePlace after, ProcessDefinition target) {
        String oldId = before.nodeId();
        Optional<Node> node = target.node(after.nodeId());
        if (node.isEmpty()) {
            return Optional.of(UnplacedNode.NODE_MISSING.formatted(
                    before.holder(), oldId, target.version(), target.id(), after.nodeId(), oldId));
        }
        if (node.get().kind().stateHeld() != after.needs()) {
            return Optional.of(UnplacedNode.CANNOT_HOLD.formatted(before.holder(), oldId, after.nodeId(), target.version(),
                    node.get().kind().bpmnElement(), oldId, kindsThatHold(after.needs())));
        }
        if (!Objects.equals(node.get().scopeId(), after.scopeNodeId())) {
            return Optional.of(UnplacedNode.WRONG_SCOPE.formatted(before.holder(), oldId, after.nodeId(),
                    where(node.get().scopeId()), where(after.scopeNodeId()), oldId, where(after.scopeNodeId())));
        }
        return Optional.empty();
    }

    private static String kindsThatHold(StateHeld needs) {
        return switch (needs) {
            case WAITING_TOKEN -> "a user task";
            case JOINING_TOKENS -> "a parallel or inclusive gateway";
            case SCOPE -> "a sub-process";
            case NONE -> "any node";
        };
    }

    private static String where(String scopeNodeId) {
        return scopeNodeId == null ? "at process level" : "in sub-process '" + scopeNodeId + "'";
    }
}
