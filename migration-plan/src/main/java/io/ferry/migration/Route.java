package io.ferry.migration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.TimerRule;
import io.ferry.state.InstanceState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled chain joined with the definition it leads to: where every node id of the chain's
 * source version lands, worked out once so that migrating a state on load is one lookup per place
 * its node ids live, a check of the looked-up node, and the variable changes. Immutable and safe to
 * share between threads; build one per chain when the application starts.
 */
public final class Route {

    private final CompiledChain chain;
    private final ProcessDefinition target;
    private final Map<String, Landing> landings;
    /** The target's timer boundary events the chain restarts, by the activity they hang on. */
    private final Map<String, List<Node>> restartedBoundaryTimers = new HashMap<>();
    /** The target's message boundary events, by the activity they hang on. */
    private final Map<String, List<Node>> boundaryMessages = new HashMap<>();

    private Route(CompiledChain chain, ProcessDefinition target) {
        this.chain = chain;
        this.target = target;
        this.landings = new HashMap<>((chain.nodeMap().size() + target.nodes().size()) * 2);
        for (Node node : target.nodes()) {
            landings.put(node.id(), new Landing(node.id(), node, false));
            if (node.details() instanceof NodeDetails.BoundaryTimer boundary && chain.timerRule(node.id()) == TimerRule.RESTART) {
                restartedBoundaryTimers.computeIfAbsent(boundary.attachedToId(), activity -> new ArrayList<>()).add(node);
            }
            if (node.details() instanceof NodeDetails.BoundaryMessage boundary) {
                boundaryMessages.computeIfAbsent(boundary.attachedToId(), activity -> new ArrayList<>()).add(node);
            }
        }
        // A mapped id may also be a target node's own id (a node that was replaced by another):
        // the mapping wins, as it does in CompiledChain.newNodeId.
        chain.nodeMap().forEach((oldId, newId) ->
                landings.put(oldId, new Landing(newId, target.node(newId).orElse(null), !oldId.equals(newId))));
    }

    /**
     * The route of a chain to the target version.
     *
     * @throws IllegalArgumentException when the chain does not lead to that version of that process
     */
    public static Route of(CompiledChain chain, ProcessDefinition target) {
        if (!leadsTo(chain, target)) {
            throw new IllegalArgumentException("The chain " + chain.planFiles() + " leads to version " + chain.toVersion()
                    + " of process '" + chain.processId() + "', not to version " + target.version() + " of '" + target.id() + "'");
        }
        return new Route(chain, target);
    }

    /** Whether the chain ends at that version of that process, so the two make a route. */
    public static boolean leadsTo(CompiledChain chain, ProcessDefinition target) {
        return chain.processId().equals(target.id()) && chain.toVersion().equals(target.version());
    }

    public CompiledChain chain() {
        return chain;
    }

    public ProcessDefinition target() {
        return target;
    }

    /** Whether this route moves states stored at that version of that process. */
    public boolean leavesFrom(String processId, String version) {
        return chain.processId().equals(processId) && chain.fromVersion().equals(version);
    }

    /**
     * Moves the state to the target version: every node id through the chain, each checked to land
     * on a node that can hold what the state keeps there, then the variable changes. A state already
     * at the target is returned as it is; one the route does not leave from gets {@code NoChain}.
     */
    public MigrationResult apply(InstanceState state) {
        return apply(state, null);
    }

    /**
     * The same at a known moment: a plan that restarts timers counts them from {@code now}. Without
     * one (null), such a plan leaves those timers as they are; callers that run plans pass the
     * operation's moment.
     */
    public MigrationResult apply(InstanceState state, Instant now) {
        if (Migration.isAt(state, target)) {
            return new MigrationResult.UpToDate(state);
        }
        if (!leavesFrom(state.processId(), state.version())) {
            return Migration.noChain(state, target);
        }
        ObjectNode variables = Migration.changedVariables(state, chain);
        NodePlaces.Moved moved = NodePlaces.move(state, this, now, variables);
        if (!moved.unplaced().isEmpty()) {
            return new MigrationResult.Blocked(moved.unplaced());
        }
        InstanceState migrated = new InstanceState(state.processId(), target.version(), state.status(), moved.tokens(),
                moved.scopes(), variables, moved.lastIdNumber());
        return new MigrationResult.Migrated(migrated, moved.movedNodeIds(), chain.planFiles());
    }

    /**
     * The timer boundary events of the target hanging on that activity whose timers the chain
     * restarts: a token resting there without one gets it armed at the migration.
     */
    List<Node> restartedBoundaryTimers(String activityId) {
        return restartedBoundaryTimers.getOrDefault(activityId, List.of());
    }

    /**
     * The target's message boundary events hanging on that activity: a token resting there holds a
     * subscription of each (the engine opens them all on arrival and keeps them while it rests), so one
     * it lacks is an event new in the target, opened at the migration.
     */
    List<Node> boundaryMessages(String activityId) {
        return boundaryMessages.getOrDefault(activityId, List.of());
    }

    /** Where a node id of the source version lands; an id neither mapped nor in the target lands nowhere. */
    Landing landing(String oldNodeId) {
        Landing landing = landings.get(oldNodeId);
        return landing != null ? landing : new Landing(oldNodeId, null, false);
    }
}
