package io.ferry.persistence;

import io.ferry.migration.UnplacedNode;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What loading did about the instance's definition version. Expected outcomes are values, not exceptions. */
public sealed interface MigrationOnLoad {

    /** The instance is at the deployed version (or finished): nothing to do. */
    record NotNeeded() implements MigrationOnLoad {
    }

    /**
     * The loaded state was moved to the deployed version; the operation commits the move with its own
     * changes, among them the rows of the timers whose due time the plans set ({@code rescheduled}:
     * rescheduled, restarted or newly armed) and of the subscriptions the move opened ({@code opened}:
     * message boundary events new to a waiting task).
     */
    record Applied(String fromVersion, String toVersion, List<String> planFiles, Map<String, String> movedNodeIds,
            List<Timer> rescheduled, List<Subscription> opened) implements MigrationOnLoad {

        public Applied {
            rescheduled = List.copyOf(rescheduled);
            opened = List.copyOf(opened);
        }

        /** The timer and subscription rows the move itself changes. */
        public EffectRows rows(UUID instanceId) {
            return new EffectRows(rescheduled.stream().map(timer -> new DueChange(instanceId, timer.id(), timer.dueAt())).toList(),
                    List.of(), List.of(), opened.stream().map(subscription -> new SubscriptionChange(instanceId, subscription.id(),
                            subscription.messageName(), subscription.correlationKey())).toList());
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
