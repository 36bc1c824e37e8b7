package io.ferry.migration;

import io.ferry.state.InstanceState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What migrating one instance's state gave. Nothing is half done: a blocked instance is untouched. */
public sealed interface MigrationResult {

    /**
     * The instance now belongs to the target version.
     *
     * @param movedNodeIds old id to new id, for each node id of the state that changed
     * @param planFiles the plans applied, first step first, for the {@code InstanceMigrated} event
     */
    record Migrated(InstanceState migrated, Map<String, String> movedNodeIds, List<String> planFiles) implements MigrationResult {

        public Migrated {
            movedNodeIds = Collections.unmodifiableMap(new LinkedHashMap<>(movedNodeIds));
            planFiles = List.copyOf(planFiles);
        }
    }

    /** Some of the instance's nodes have no fitting place in the target; the state stays as it was. */
    record Blocked(List<UnplacedNode> unplaced) implements MigrationResult {

        public Blocked {
            unplaced = List.copyOf(unplaced);
        }
    }

    /** The state already belongs to the target version; it is returned as it is. */
    record UpToDate(InstanceState state) implements MigrationResult {
    }

    /**
     * No chain leads from the state's version to the target: either no plan was shipped for that
     * version, or the state is newer than this application (an old pod during a rolling update).
     * Either way the caller refuses the operation and leaves the state alone.
     */
    record NoChain(String processId, String version, String targetVersion) implements MigrationResult {

        public static final String MESSAGE =
                "no migration plan leads from version %s of process '%s' to version %s: ship a plan from version %s, or run this instance on an application that has version %s";

        public String message() {
            return MESSAGE.formatted(version, processId, targetVersion, version, version);
        }
    }
}
