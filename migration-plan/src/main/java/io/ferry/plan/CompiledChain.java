package io.ferry.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All the plans from one version of a process to the current version, composed into one direct
 * step: at run time moving an instance is only looking up its node ids in {@link #nodeMap()} and
 * running the variable changes. Built once at build time and recorded as JSON.
 *
 * @param nodeMap old node id to node id in {@code toVersion}; ids not listed keep their id
 * @param planFiles the plans composed, first step first
 * @param variableChanges the changes of every plan, in the order the plans run
 * @param timers what to do with a timer that lands on a timer event of {@code toVersion}, by that
 *     event's node id; a timer event not listed keeps its timers' due times
 * @param messages old message name to its name in {@code toVersion}; names not listed are kept
 */
public record CompiledChain(
        String processId,
        String fromVersion,
        String toVersion,
        Map<String, String> nodeMap,
        List<String> planFiles,
        List<VariableChange> variableChanges,
        Map<String, TimerRule> timers,
        Map<String, String> messages) {

    public CompiledChain {
        nodeMap = Collections.unmodifiableMap(new LinkedHashMap<>(nodeMap));
        planFiles = List.copyOf(planFiles);
        variableChanges = List.copyOf(variableChanges);
        timers = timers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(timers));
        messages = messages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    /** A chain that renames no message. */
    public CompiledChain(String processId, String fromVersion, String toVersion, Map<String, String> nodeMap,
            List<String> planFiles, List<VariableChange> variableChanges, Map<String, TimerRule> timers) {
        this(processId, fromVersion, toVersion, nodeMap, planFiles, variableChanges, timers, Map.of());
    }

    /** A chain whose plans leave every timer's due time as it is. */
    public CompiledChain(String processId, String fromVersion, String toVersion, Map<String, String> nodeMap,
            List<String> planFiles, List<VariableChange> variableChanges) {
        this(processId, fromVersion, toVersion, nodeMap, planFiles, variableChanges, Map.of(), Map.of());
    }

    /** The rule for timers landing on this timer event of {@code toVersion}. */
    public TimerRule timerRule(String nodeId) {
        return timers.getOrDefault(nodeId, TimerRule.KEEP);
    }

    /**
     * The plans of a path, composed: {@code m(x) = m2(m1(x))} for every id either plan lists. A timer
     * rule follows its timer event through the later plans; a later plan's rule for the same event wins.
     *
     * @param path consecutive plans of one process, first step first; not empty
     */
    public static CompiledChain compose(List<MigrationPlan> path) {
        Map<String, String> nodeMap = new LinkedHashMap<>();
        List<VariableChange> changes = new ArrayList<>();
        Map<String, TimerRule> timers = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        for (MigrationPlan plan : path) {
            messages.replaceAll((oldName, nameSoFar) -> plan.newMessageName(nameSoFar));
            plan.messages().forEach(messages::putIfAbsent);
            nodeMap.replaceAll((oldId, idSoFar) -> plan.newNodeId(idSoFar));
            plan.nodes().forEach(nodeMap::putIfAbsent);
            changes.addAll(plan.variableChanges());
            Map<String, TimerRule> carried = new LinkedHashMap<>();
            timers.forEach((nodeId, rule) -> carried.put(plan.newNodeId(nodeId), rule));
            carried.putAll(plan.timers());
            timers = carried;
        }
        MigrationPlan first = path.get(0);
        MigrationPlan last = path.get(path.size() - 1);
        List<String> files = path.stream().map(MigrationPlan::file).toList();
        return new CompiledChain(first.processId(), first.fromVersion(), last.toVersion(), nodeMap, files, changes, timers, messages);
    }

    /** The name a message has in {@link #toVersion()}. */
    public String newMessageName(String oldName) {
        return messages.getOrDefault(oldName, oldName);
    }

    /** The id the node has in {@link #toVersion()}. */
    public String newNodeId(String oldNodeId) {
        return nodeMap.getOrDefault(oldNodeId, oldNodeId);
    }
}
