package io.ferry.catalog;

import io.ferry.plan.MigrationPlan;
import io.ferry.plan.VariableChange;
import java.util.List;
import java.util.Map;

/** A migration plan as the image shipped it, for operators (GET /admin/migrations). */
public record PlanSummary(String file, String processId, String fromVersion, String toVersion, String description,
        String author, Map<String, String> nodes, List<VariableChange> variableChanges) {

    public static PlanSummary of(MigrationPlan plan) {
        return new PlanSummary(plan.file(), plan.processId(), plan.fromVersion(), plan.toVersion(), plan.description(),
                plan.author(), plan.nodes(), plan.variableChanges());
    }
}
