package io.ferry.plan.cli;

import io.ferry.plan.MigrationPlan;
import io.ferry.plan.PlanProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current version of each process: as given on the command line, or else the one version the
 * process's plans lead to and none leaves.
 */
record CurrentVersions(Map<String, String> versions, List<PlanProblem> problems) {

    static final String CANNOT_TELL =
            "cannot tell the current version of process '%s': its plans end at versions %s; pass --current %s=VERSION";
    static final String GOES_ROUND =
            "cannot tell the current version of process '%s': its plans go round in a circle; pass --current %s=VERSION";

    static CurrentVersions of(List<MigrationPlan> plans, Map<String, String> given) {
        Map<String, String> versions = new LinkedHashMap<>(given);
        List<PlanProblem> problems = new ArrayList<>();
        Map<String, List<MigrationPlan>> byProcess = new LinkedHashMap<>();
        plans.forEach(plan -> byProcess.computeIfAbsent(plan.processId(), process -> new ArrayList<>()).add(plan));
        byProcess.forEach((processId, processPlans) -> {
            if (versions.containsKey(processId)) {
                return;
            }
            Set<String> left = new LinkedHashSet<>();
            processPlans.forEach(plan -> left.add(plan.fromVersion()));
            Set<String> ends = new LinkedHashSet<>();
            processPlans.stream().map(MigrationPlan::toVersion).filter(version -> !left.contains(version)).forEach(ends::add);
            String file = processPlans.get(0).file();
            if (ends.size() == 1) {
                versions.put(processId, ends.iterator().next());
            } else if (ends.isEmpty()) {
                problems.add(new PlanProblem(file, 0, 0, GOES_ROUND.formatted(processId, processId)));
            } else {
                problems.add(new PlanProblem(file, 0, 0, CANNOT_TELL.formatted(processId, String.join(", ", ends), processId)));
            }
        });
        return new CurrentVersions(versions, problems);
    }
}
