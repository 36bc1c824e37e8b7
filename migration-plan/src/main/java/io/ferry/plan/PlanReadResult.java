package io.ferry.plan;

import java.util.List;

/** What reading one plan file gave: the plan, or every problem found in the file. */
public sealed interface PlanReadResult {

    record Read(MigrationPlan plan) implements PlanReadResult {
    }

    record Invalid(List<PlanProblem> problems) implements PlanReadResult {

        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
