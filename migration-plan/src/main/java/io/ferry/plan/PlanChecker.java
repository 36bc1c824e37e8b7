package io.ferry.plan;

import io.ferry.definition.Node;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.source.SourcePosition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks all plans against the current definitions and each other, and reports every problem
 * together, each naming the plan file (and line where known) and what to fix.
 */
public final class PlanChecker {

    public static final String UNKNOWN_PROCESS =
            "plan for process '%s', which is not among the application's processes (%s): fix 'process' or remove the plan";
    public static final String LEAVES_CURRENT =
            "plan leaves version %s of process '%s', which is the current version, so no instance needs it: fix 'from' or remove the plan";
    public static final String SAME_SOURCE =
            "plan leaves version %s of process '%s', which %s already leaves; one plan per version: merge the two plans or fix 'from'";
    public static final String DEAD_END =
            "plan leads to version %s of process '%s', which is neither the current version %s nor left by another plan: fix 'to', or add a plan from version %s towards the current version";
    public static final String DEAD_END_OR_UNREADABLE =
            "plan leads to version %s of process '%s', which is neither the current version %s nor left by another plan that could be read (%s could not be read): fix that first, as it may be the plan from version %s; otherwise fix 'to', or add a plan from version %s towards the current version";
    public static final String CYCLE =
            "plans go round in a circle, version %s of process '%s' (%s), and never reach the current version %s: fix 'to' in one of them";
    public static final String NODE_MISSING =
            "node '%s' is mapped to '%s', which the current version %s of process '%s' does not have: map it to a node of version %s";
    public static final String NODE_MISSING_AFTER_LATER_PLANS =
            "node '%s' is mapped to '%s', which the current version %s of process '%s' does not have and no later plan (%s) maps on: map it to a node of version %s, or map '%s' in a later plan";
    public static final String TIMER_RULE_NOT_ON_TIMER = "timers: '%s' is %s in version %s of process '%s': "
            + "name a timer catch or boundary event of the new version";
    public static final String MESSAGE_RENAMED_TO_NOTHING = "messages: '%s' is renamed to '%s', for which no node of "
            + "version %s of process '%s' waits (%s): name a message the new version waits for";
    public static final String NODE_HOLDS_NO_STATE =
            "node '%s' is mapped to '%s' (a node of kind %s) in the current version %s of process '%s'; no instance can wait there, because tokens only rest at user tasks, service tasks (with their jobs), timer and message catch events, receive tasks, joining gateways and sub-processes, and timers and message subscriptions at boundary events: map it to one of those";

    private final Problems problems = new Problems();
    private final Map<String, ProcessDefinition> definitions;
    private final List<String> unreadableFiles;

    private PlanChecker(Map<String, ProcessDefinition> definitions, List<String> unreadableFiles) {
        this.definitions = definitions;
        this.unreadableFiles = List.copyOf(unreadableFiles);
    }

    /** Every problem of the plans, in file and line order; empty when they are fine. */
    public static List<PlanProblem> check(List<MigrationPlan> plans, Collection<ProcessDefinition> current) {
        return check(plans, current, List.of());
    }

    /**
     * The same, when some plan files could not be read: those may be the plans the others lead to,
     * so a plan that leads nowhere says so instead of sending its author to fix the wrong file.
     *
     * @param unreadableFiles the plan files whose reading failed, with problems of their own
     */
    public static List<PlanProblem> check(List<MigrationPlan> plans, Collection<ProcessDefinition> current,
            List<String> unreadableFiles) {
        Map<String, ProcessDefinition> definitions = current.stream()
                .collect(Collectors.toMap(ProcessDefinition::id, definition -> definition, (first, second) -> first, LinkedHashMap::new));
        Map<String, String> versions = new LinkedHashMap<>();
        definitions.forEach((processId, definition) -> versions.put(processId, definition.version()));
        return new PlanChecker(definitions, unreadableFiles).check(plans, versions);
    }

    /**
     * The checks that need only the current version of each process, not its nodes: for tools that
     * have the plans but not the BPMN files.
     */
    public static List<PlanProblem> checkVersions(List<MigrationPlan> plans, Map<String, String> currentVersions,
            List<String> unreadableFiles) {
        return new PlanChecker(Map.of(), unreadableFiles).check(plans, currentVersions);
    }

    private List<PlanProblem> check(List<MigrationPlan> plans, Map<String, String> currentVersions) {
        List<MigrationPlan> known = plans.stream().filter(plan -> processKnown(plan, currentVersions)).toList();
        VersionSteps.byProcess(known).forEach((processId, steps) -> check(steps, currentVersions.get(processId)));
        return problems.sorted();
    }

    private boolean processKnown(MigrationPlan plan, Map<String, String> currentVersions) {
        if (currentVersions.containsKey(plan.processId())) {
            return true;
        }
        String processes = currentVersions.keySet().stream().sorted().collect(Collectors.joining(", "));
        report(plan, plan.positions().process(), UNKNOWN_PROCESS.formatted(plan.processId(), processes));
        return false;
    }

    private void check(VersionSteps steps, String current) {
        for (MigrationPlan plan : steps.plans()) {
            if (plan.fromVersion().equals(current)) {
                report(plan, plan.positions().from(), LEAVES_CURRENT.formatted(current, plan.processId()));
                continue;
            }
            MigrationPlan first = steps.leaving(plan.fromVersion());
            if (first != plan) {
                report(plan, plan.positions().from(), SAME_SOURCE.formatted(plan.fromVersion(), plan.processId(), first.file()));
            }
            if (!plan.toVersion().equals(current) && steps.leaving(plan.toVersion()) == null) {
                report(plan, plan.positions().to(), deadEnd(plan, current));
            }
            ProcessDefinition definition = definitions.get(plan.processId());
            if (definition != null) {
                steps.pathToCurrent(plan.toVersion(), current).ifPresent(later -> checkNodes(plan, later, definition));
                if (plan.toVersion().equals(current)) {
                    checkTimerRules(plan, definition);
                    checkMessageRenames(plan, definition);
                }
            }
        }
        reportCycles(steps, current);
    }

    private String deadEnd(MigrationPlan plan, String current) {
        String to = plan.toVersion();
        return unreadableFiles.isEmpty()
                ? DEAD_END.formatted(to, plan.processId(), current, to)
                : DEAD_END_OR_UNREADABLE.formatted(to, plan.processId(), current, String.join(", ", unreadableFiles), to, to);
    }

    /**
     * Checks each id the plan maps to that no later plan maps on, so the id ends up in the current
     * version: it must exist there and be able to hold an instance's state.
     */
    private void checkNodes(MigrationPlan plan, List<MigrationPlan> later, ProcessDefinition definition) {
        plan.nodes().forEach((oldId, newId) -> {
            if (later.stream().anyMatch(laterPlan -> laterPlan.nodes().containsKey(newId))) {
                return;
            }
            SourcePosition position = plan.positions().node(oldId);
            Optional<Node> node = definition.node(newId);
            if (node.isEmpty() && later.isEmpty()) {
                report(plan, position, NODE_MISSING.formatted(oldId, newId, definition.version(), definition.id(), definition.version()));
            } else if (node.isEmpty()) {
                String files = later.stream().map(MigrationPlan::file).collect(Collectors.joining(", "));
                report(plan, position, NODE_MISSING_AFTER_LATER_PLANS.formatted(
                        oldId, newId, definition.version(), definition.id(), files, definition.version(), newId));
            } else if (node.get().kind().stateHeld() == NodeKind.StateHeld.NONE && node.get().kind() != NodeKind.BOUNDARY_TIMER_EVENT
                    && node.get().kind() != NodeKind.BOUNDARY_MESSAGE_EVENT) {
                report(plan, position, NODE_HOLDS_NO_STATE.formatted(
                        oldId, newId, node.get().kind().bpmnElement(), definition.version(), definition.id()));
            }
        });
    }

    /** A plan into the current version renames messages to names a node of that version waits for. */
    private void checkMessageRenames(MigrationPlan plan, ProcessDefinition definition) {
        java.util.Set<String> waitedFor = new java.util.TreeSet<>();
        definition.nodes().forEach(node -> {
            if (node.details() instanceof io.ferry.definition.NodeDetails.Message message) {
                waitedFor.add(message.messageName());
            } else if (node.details() instanceof io.ferry.definition.NodeDetails.BoundaryMessage boundary) {
                waitedFor.add(boundary.message().messageName());
            }
        });
        plan.messages().forEach((oldName, newName) -> {
            if (!waitedFor.contains(newName)) {
                report(plan, plan.positions().message(oldName), MESSAGE_RENAMED_TO_NOTHING.formatted(oldName, newName,
                        definition.version(), definition.id(), waitedFor.isEmpty() ? "it waits for none"
                                : "it waits for " + String.join(", ", waitedFor)));
            }
        });
    }

    /** A timer rule of a plan into the current version names a timer event of it (older versions' BPMN is not in the build). */
    private void checkTimerRules(MigrationPlan plan, ProcessDefinition definition) {
        plan.timers().keySet().forEach(nodeId -> {
            Optional<Node> node = definition.node(nodeId);
            boolean timerEvent = node.isPresent() && (node.get().kind() == NodeKind.TIMER_CATCH_EVENT
                    || node.get().kind() == NodeKind.BOUNDARY_TIMER_EVENT);
            if (!timerEvent) {
                String what = node.map(found -> "a " + found.kind().bpmnElement() + " without a timer").orElse("not a node");
                report(plan, plan.positions().timer(nodeId),
                        TIMER_RULE_NOT_ON_TIMER.formatted(nodeId, what, definition.version(), definition.id()));
            }
        });
    }

    /** Each circle once, at the first of its plans, starting from that plan's version. */
    private void reportCycles(VersionSteps steps, String current) {
        Set<MigrationPlan> inReportedCycle = new HashSet<>();
        for (MigrationPlan plan : steps.plans()) {
            if (plan.fromVersion().equals(current) || steps.leaving(plan.fromVersion()) != plan || inReportedCycle.contains(plan)) {
                continue;
            }
            List<MigrationPlan> cycle = cycleThrough(plan, steps, current);
            if (!cycle.isEmpty()) {
                inReportedCycle.addAll(cycle);
                String versions = cycle.stream().map(MigrationPlan::fromVersion).collect(Collectors.joining(" → "))
                        + " → " + plan.fromVersion();
                String files = cycle.stream().map(MigrationPlan::file).collect(Collectors.joining(", "));
                report(plan, plan.positions().to(), CYCLE.formatted(versions, plan.processId(), files, current));
            }
        }
    }

    /** The plans of the circle that leads from this plan back to its own version, or none. */
    private static List<MigrationPlan> cycleThrough(MigrationPlan start, VersionSteps steps, String current) {
        List<MigrationPlan> path = new ArrayList<>(List.of(start));
        Set<String> visited = new HashSet<>(Set.of(start.fromVersion()));
        String at = start.toVersion();
        while (!at.equals(current) && visited.add(at)) {
            MigrationPlan next = steps.leaving(at);
            if (next == null) {
                return List.of();
            }
            path.add(next);
            at = next.toVersion();
        }
        return at.equals(start.fromVersion()) ? path : List.of();
    }

    private void report(MigrationPlan plan, SourcePosition position, String message) {
        problems.add(plan.file(), position, message);
    }
}
