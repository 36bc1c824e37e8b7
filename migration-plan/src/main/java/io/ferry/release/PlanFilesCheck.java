package io.ferry.release;

import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.PlanChecker;
import io.ferry.plan.PlanProblem;
import io.ferry.plan.PlanReadResult;
import io.ferry.plan.PlanReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads every plan file of a release, checks the plans against the current definitions and each
 * other, and composes them into direct chains.
 */
public final class PlanFilesCheck {

    /** How reports name what was checked: "Ferry found 2 problems in the migration plans". */
    public static final String SUBJECT = "the migration plans";

    /** The names plan files go by: Ferry's YAML and JSON, Kogito's .mpf. */
    public static final List<String> PLAN_SUFFIXES = List.of(".yaml", ".yml", ".json", ".mpf");

    private static final Comparator<PlanProblem> FILE_ORDER = Comparator.comparing(PlanProblem::file)
            .thenComparingInt(PlanProblem::line)
            .thenComparingInt(PlanProblem::column);

    private PlanFilesCheck() {
    }

    /**
     * What the plan files give.
     *
     * @param plans the plans that could be read
     * @param chains the direct chains; meaningful only when {@code problems} is empty
     * @param problems every problem of reading and checking, in file, line and column order
     */
    public record Result(List<MigrationPlan> plans, MigrationChains chains, List<PlanProblem> problems) {

        public Result {
            plans = List.copyOf(plans);
            problems = List.copyOf(problems);
        }
    }

    public static Result check(List<ReleaseFile> planFiles, List<ProcessDefinition> definitions) {
        List<PlanProblem> problems = new ArrayList<>();
        List<MigrationPlan> plans = new ArrayList<>();
        planFiles.stream().sorted(Comparator.comparing(ReleaseFile::name)).forEach(file -> {
            PlanReadResult result = PlanReader.read(file.name(), new String(file.content(), StandardCharsets.UTF_8));
            if (result instanceof PlanReadResult.Read read) {
                plans.add(read.plan());
            } else {
                problems.addAll(((PlanReadResult.Invalid) result).problems());
            }
        });
        List<String> unreadable = problems.stream().map(PlanProblem::file).distinct().toList();
        problems.addAll(PlanChecker.check(plans, definitions, unreadable));
        problems.sort(FILE_ORDER);
        return new Result(plans, MigrationChains.compose(plans, definitions), problems);
    }
}
