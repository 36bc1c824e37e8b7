package io.ferry.migration;

import io.ferry.definition.Node;
import io.ferry.definition.NodeKind.StateHeld;
import io.ferry.definition.ProcessDefinition;
import java.util.Objects;
import java.util.Optional;

/** Checks that every node place of a moved state fits the target definition. */
final class Placement {

    private Placement() {
    }

    /** What keeps the place from fitting the target, as the incident and the problem response say it; empty when it fits. */
    static Optional<String> problem(NodePlace place, ProcessDefinition target) {
        String oldId = place.oldNodeId();
        Node node = target.node(place.newNodeId()).orElse(null);
        if (node == null) {
            return Optional.of(UnplacedNode.NODE_MISSING.formatted(
                    place.holder(), oldId, target.version(), target.id(), place.newNodeId(), oldId));
        }
        if (node.kind().stateHeld() != place.needs()) {
            return Optional.of(UnplacedNode.CANNOT_HOLD.formatted(place.holder(), oldId, place.newNodeId(), target.version(),
                    node.kind().bpmnElement(), oldId, kindsThatHold(place.needs())));
        }
        if (!Objects.equals(node.scopeId(), place.scopeNodeId())) {
            return Optional.of(UnplacedNode.WRONG_SCOPE.formatted(place.holder(), oldId, place.newNodeId(),
                    where(node.scopeId()), where(place.scopeNodeId()), oldId, where(place.scopeNodeId())));
        }
        return Optional.empty();
    }

    private static String kindsThatHold(StateHeld needs) {
        return switch (needs) {
            case USER_TASK -> "a user task";
            case TIMER -> "a timer intermediate catch event";
            case JOB -> "a service task";
            case MESSAGE -> "a message catch event or receive task";
            case EVENTS -> "an event-based gateway";
            case JOINING_TOKENS -> "a parallel or inclusive gateway";
            case SCOPE -> "a sub-process";
            case NONE -> "any node";
        };
    }

    private static String where(String scopeNodeId) {
        return scopeNodeId == null ? "at process level" : "in sub-process '" + scopeNodeId + "'";
    }
}
