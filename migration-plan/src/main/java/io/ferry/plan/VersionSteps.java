package io.ferry.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plans of one process seen as steps between its versions. When two plans leave the same
 * version (which the checker reports) the first one given counts.
 */
final class VersionSteps {

    /** A process no plan is written for. */
    static final VersionSteps NONE = new VersionSteps();

    private final List<MigrationPlan> plans = new ArrayList<>();
    private final Map<String, MigrationPlan> leaving = new LinkedHashMap<>();

    /** The plans grouped by process, each group in the order given. */
    static Map<String, VersionSteps> byProcess(List<MigrationPlan> plans) {
        Map<String, VersionSteps> steps = new LinkedHashMap<>();
        plans.forEach(plan -> steps.computeIfAbsent(plan.processId(), process -> new VersionSteps()).add(plan));
        return steps;
    }

    private void add(MigrationPlan plan) {
        plans.add(plan);
        leaving.putIfAbsent(plan.fromVersion(), plan);
    }

    List<MigrationPlan> plans() {
        return plans;
    }

    /** The plan that leaves this version, or null. */
    MigrationPlan leaving(String version) {
        return leaving.get(version);
    }

    /**
     * The plans that carry an instance from {@code version} to the current version, first step
     * first; empty (no plans) when {@code version} is the current one, and {@link Optional#empty()}
     * when the steps never get there: they end at a version no plan leaves, or go round in a circle.
     */
    Optional<List<MigrationPlan>> pathToCurrent(String version, String currentVersion) {
        List<MigrationPlan> path = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String at = version;
        while (!at.equals(currentVersion)) {
            MigrationPlan next = leaving.get(at);
            if (next == null || !visited.add(at)) {
                return Optional.empty();
            }
            path.add(next);
            at = next.toVersion();
        }
        return Optional.of(path);
    }

    /** The versions some plan leaves, in the order the plans were given. */
    Set<String> sourceVersions() {
        return leaving.keySet();
    }
}
