package io.ferry.persistence;

import io.ferry.migration.UnplacedNode;
import io.ferry.state.Timer;
import java.util.List;
import java.util.Map;

/** What loading did about the instance's definition version. Expected outcomes are values, not exceptions. */
public sealed interface MigrationOnLoad {

    /** The instance is at the deployed version (or finished): nothing to do. */
    record NotNeeded() implements MigrationOnLoad {
    }

    /**
     * The loaded state was moved to the deployed version; the operation commits the move with its own
     * changes, among them the rows of the timers whose due time the plans changed ({@code rescheduled}).
     */
    record Applied(String fromVersion, String toVersion, List<String> planFiles, Map<String, String> movedNodeIds,
            List<Timer> rescheduled) implements MigrationOnLoad {

        public Applied {
            rescheduled = List.copyOf(rescheduled);
        }

        /** The timer rows the move itself changes. */
        public List<DueChange> timerChanges(java.util.UUID instanceId) {
            return rescheduled.stream().map(timer -> new DueChange(instanceId, timer.id(), timer.dueAt())).toList();
        }
    }

    /** The chain cannot place some of the instance's nodes; the loaded state is the stored one, untouched. */
    record Blocked(String fromVersion, String toVersion, List<UnplacedNode> unplaced) implements MigrationOnLoad {
    }

    /** No plan of this image leads from the stored version; the loaded state is the stored one, untouched. */
    record NoPlan(String fromVersion, String toVersion) implements MigrationOnLoad {
    }

    /** The instance is at a version newer than this image (an old pod during a rolling update). */
    record NewerThanImage(String storedVersion, String deployedVersion) implements MigrationOnLoad {
    }

    MigrationOnLoad NOT_NEEDED = new NotNeeded();
}
