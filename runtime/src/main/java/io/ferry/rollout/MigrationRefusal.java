package io.ferry.rollout;

import io.ferry.migration.UnplacedNode;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.MigrationOnLoad;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemException;
import io.ferry.problem.ProblemType;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Refuses an operation on an instance that loading could not bring to the deployed version. */
public final class MigrationRefusal {

    static final String BLOCKED = "Instance %s (process '%s') cannot move from version %s to version %s: %s. "
            + "Its stored state is kept exactly as it was. Ship a migration plan that places %s; the instance "
            + "moves on its next operation.";
    static final String NO_PLAN = "Instance %s (process '%s') is at version %s and this deployment runs version %s, "
            + "but no migration plan leads from %s. Its stored state is kept exactly as it was. Ship a plan from "
            + "version %s; the instance moves on its next operation.";
    static final String NEWER = "Instance %s (process '%s') is at version %s, newer than the version %s this "
            + "deployment runs: a newer deployment owns it. Send the request to a pod of the newer deployment; "
            + "this one never rewrites or downgrades it.";

    private MigrationRefusal() {
    }

    /** Thrown when the instance's nodes cannot be placed: the operation is refused and an incident recorded. */
    public static final class Blocked extends ProblemException {

        private final transient UUID instanceId;
        private final transient List<String> nodeIds;

        Blocked(Problem problem, UUID instanceId, List<String> nodeIds) {
            super(problem);
            this.instanceId = instanceId;
            this.nodeIds = List.copyOf(nodeIds);
        }

        public UUID instanceId() {
            return instanceId;
        }

        public List<String> nodeIds() {
            return nodeIds;
        }
    }

    /** Throws the refusal for a migration that could not be applied; returns for one that was or needed none. */
    public static void check(InstanceRecord instance, MigrationOnLoad migration) {
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
            throw new Blocked(problem, instance.id, nodes);
        }
        if (migration instanceof MigrationOnLoad.NoPlan noPlan) {
            Problem problem = Problem.of(ProblemType.MIGRATION_BLOCKED, NO_PLAN.formatted(id, instance.processId,
                            noPlan.fromVersion(), noPlan.toVersion(), noPlan.fromVersion(), noPlan.fromVersion()))
                    .with("instanceId", id).with("processId", instance.processId)
                    .with("fromVersion", noPlan.fromVersion()).with("toVersion", noPlan.toVersion());
            throw new Blocked(problem, instance.id, List.of());
        }
        if (migration instanceof MigrationOnLoad.NewerThanImage newer) {
            throw Problem.of(ProblemType.OWNED_BY_NEWER_DEPLOYMENT, NEWER.formatted(id, instance.processId,
                            newer.storedVersion(), newer.deployedVersion()))
                    .with("instanceId", id).with("processId", instance.processId)
                    .with("storedVersion", newer.storedVersion()).with("deployedVersion", newer.deployedVersion())
                    .exception();
        }
    }

    private static String quoted(List<String> nodes) {
        return nodes.isEmpty() ? "its nodes" : nodes.stream().map(node -> "'" + node + "'").collect(Collectors.joining(", "));
    }
}
