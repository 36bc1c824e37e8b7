package io.ferry.plan;

import io.ferry.source.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan file as read: it moves instances of {@code processId} from {@code fromVersion} to
 * {@code toVersion}. Node ids it does not list keep their id.
 *
 * @param file the plan file, as named in problems
 * @param nodes old node id to new node id, in file order
 * @param variableChanges renames, then defaults, then removals, each in file order
 * @param timers what to do with the timers that land on a timer event of the target version, by its node id
 * @param messages old message name to new one: subscriptions waiting for an old name wait for the new one
 * @param positions where the parts stand in the file, for problems found later by the checker
 */
public record MigrationPlan(
        String file,
        String processId,
        String fromVersion,
        String toVersion,
        String description,
        String author,
        Map<String, String> nodes,
        List<VariableChange> variableChanges,
        Map<String, TimerRule> timers,
        Map<String, String> messages,
        Positions positions) {

    public MigrationPlan {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        variableChanges = List.copyOf(variableChanges);
        timers = Collections.unmodifiableMap(new LinkedHashMap<>(timers));
        messages = messages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    /** A plan that renames no message. */
    public MigrationPlan(String file, String processId, String fromVersion, String toVersion, String description, String author,
            Map<String, String> nodes, List<VariableChange> variableChanges, Map<String, TimerRule> timers, Positions positions) {
        this(file, processId, fromVersion, toVersion, description, author, nodes, variableChanges, timers, Map.of(), positions);
    }

    /** The name a message has in the target version. */
    public String newMessageName(String oldName) {
        return messages.getOrDefault(oldName, oldName);
    }

    /** A plan built in code, with no file positions. */
    public static MigrationPlan of(String file, String processId, String fromVersion, String toVersion,
            Map<String, String> nodes, List<VariableChange> variableChanges) {
        return new MigrationPlan(file, processId, fromVersion, toVersion, null, null, nodes, variableChanges, Map.of(),
                Positions.UNKNOWN);
    }

    /** The id the node has in the target version. */
    public String newNodeId(String oldNodeId) {
        return nodes.getOrDefault(oldNodeId, oldNodeId);
    }

    /** Where the parts of a plan stand in its file; {@link SourcePosition#UNKNOWN} where not known. */
    public record Positions(
            SourcePosition process,
            SourcePosition from,
            SourcePosition to,
            Map<String, SourcePosition> nodes,
            Map<String, SourcePosition> timers,
            Map<String, SourcePosition> messages) {

        public static final Positions UNKNOWN =
                new Positions(SourcePosition.UNKNOWN, SourcePosition.UNKNOWN, SourcePosition.UNKNOWN, Map.of(), Map.of());

        public Positions {
            nodes = Map.copyOf(nodes);
            timers = Map.copyOf(timers);
            messages = messages == null ? Map.of() : Map.copyOf(messages);
        }

        /** Positions without message renames. */
        public Positions(SourcePosition process, SourcePosition from, SourcePosition to, Map<String, SourcePosition> nodes,
                Map<String, SourcePosition> timers) {
            this(process, from, to, nodes, timers, Map.of());
        }

        /** Where the rename of this old message name stands. */
        public SourcePosition message(String oldName) {
            return messages.getOrDefault(oldName, SourcePosition.UNKNOWN);
        }

        /** Where the timer rule of this node id stands. */
        public SourcePosition timer(String nodeId) {
            return timers.getOrDefault(nodeId, SourcePosition.UNKNOWN);
        }

        /** Where the mapping of this old node id stands. */
        public SourcePosition node(String oldNodeId) {
            return nodes.getOrDefault(oldNodeId, SourcePosition.UNKNOWN);
        }
    }
}
