package io.ferry.rollout;

import io.ferry.migration.UnplacedNode;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.MigrationOnLoad;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Why an operation is refused on an instance that loading could not bring to the deployed version: a value the
 * operation answers with, never an exception.
 *
 * @param problem what the client is told
 * @param unplacedNodeIds the nodes no plan places (none when no plan leads from the stored version)
 * @param opensIncident whether the instance gets a {@code MIGRATION_BLOCKED} incident: yes when this image cannot
 *     move it, no when a newer deployment owns it
 */
public record MigrationRefusal(Problem problem, List<String> unplacedNodeIds, boolean opensIncident) {

    public MigrationRefusal {
        unplacedNodeIds = List.copyOf(unplacedNodeIds);
    }

    static final String BLOCKED = "Instance %s (process '%s') cannot move from version %s to version %s: %s. "
            + "Its stored state is kept exactly as it was. Ship a migration plan that places %s; the instance "
            + "moves on its next operation.";
    static final String NO_PLAN = "Instance %s (process '%s') is at version %s and this deployment runs version %s, "
            + "but no migration plan leads from %s. Its stored state is kept exactly as it was. Ship a plan from "
            + "version %s; the instance moves on its next operation.";
    static final String NEWER = "Instance %s (process '%s') is at version %s, newer than the version %s this "
            + "deployment runs: a newer deployment owns it. Send the request to a pod of the newer deployment; "
            + "this one never rewrites or downgrades it.";

    /**
     * The refusal for a migration that could not be applied, or none for one that was or needed none. A
     * migration that is blocked or has no plan opens an incident; an instance a newer deployment owns does not.
     */
    public static Optional<MigrationRefusal> of(InstanceRecord instance, MigrationOnLoad migration) {
        String id = instance.id.toString();
        if (migration instanceof MigrationOnLoad.Blocked blocked) {
            List<String> nodes = blocked.unplaced().stream().map(UnplacedNode::nodeId).distinct().toList();
            String reasons = blocked.unplaced().stream()
                    .map(node -> "node '" + node.nodeId() + "' " + node.reason())
                    .collect(Collectors.joining("; "));
            Problem problem = Problem.of(ProblemType.MIGRATION_BLOCKED, BLOCKED.formatted(id, instance.processId,
                            blocked.fromVersion(), blocked.toVersion(), reasons, quoted(nodes)))
                    .with("instanceId", id).with("processId", instance.processId)
                    .with("fromVersion", blocked.fromVersion()).with("toVersion", blocked.toVersion())
                    .with("unmappedNodes", nodes);
            return Optional.of(new MigrationRefusal(problem, nodes, true));
        }
        if (migration instanceof MigrationOnLoad.NoPlan noPlan) {
            Problem problem = Problem.of(ProblemType.MIGRATION_BLOCKED, NO_PLAN.formatted(id, instance.processId,
                            noPlan.fromVersion(), noPlan.toVersion(), noPlan.fromVersion(), noPlan.fromVersion()))
                    .with("instanceId", id).with("processId", instance.processId)
                    .with("fromVersion", noPlan.fromVersion()).with("toVersion", noPlan.toVersion());
            return Optional.of(new MigrationRefusal(problem, List.of(), true));
        }
        if (migration instanceof MigrationOnLoad.NewerThanImage newer) {
            Problem problem = Problem.of(ProblemType.OWNED_BY_NEWER_DEPLOYMENT, NEWER.formatted(id, instance.processId,
                            newer.storedVersion(), newer.deployedVersion()))
                    .with("instanceId", id).with("processId", instance.processId)
                    .with("storedVersion", newer.storedVersion()).with("deployedVersion", newer.deployedVersion());
            return Optional.of(new MigrationRefusal(problem, List.of(), false));
        }
        return Optional.empty();
    }

    private static String quoted(List<String> nodes) {
        return nodes.isEmpty() ? "its nodes" : nodes.stream().map(node -> "'" + node + "'").collect(Collectors.joining(", "));
    }
}
