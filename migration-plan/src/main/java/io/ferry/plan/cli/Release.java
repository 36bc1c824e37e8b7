package io.ferry.plan.cli;

import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.PlanProblem;
import io.ferry.release.PlanFilesCheck;
import io.ferry.release.ProcessFilesCheck;
import io.ferry.release.ReleaseProblems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The BPMN and plans of a release, read and checked as the build does; any problem stops the
 * command with every problem listed, one per line, and the build's heading.
 */
record Release(List<ProcessDefinition> definitions, MigrationChains chains) {

    static Release check(List<Path> plans, List<Path> definitions) {
        var planFiles = InputFiles.plans(plans);
        ProcessFilesCheck.Result processes = ProcessFilesCheck.check(InputFiles.bpmn(definitions));
        if (!processes.problems().isEmpty()) {
            throw failure(processes.problems(), ProcessFilesCheck.SUBJECT);
        }
        PlanFilesCheck.Result checked = PlanFilesCheck.check(planFiles, processes.definitions());
        if (!checked.problems().isEmpty()) {
            throw failure(checked.problems().stream().map(PlanProblem::toString).toList(), PlanFilesCheck.SUBJECT);
        }
        return new Release(processes.definitions(), checked.chains());
    }

    private static CommandFailure failure(List<String> problems, String subject) {
        List<String> lines = new ArrayList<>(problems);
        lines.add(ReleaseProblems.heading(problems.size(), subject));
        return CommandFailure.problem(String.join(System.lineSeparator(), lines));
    }
}
