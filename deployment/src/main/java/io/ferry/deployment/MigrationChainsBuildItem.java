package io.ferry.deployment;

import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;

/** The checked plans and the direct chains composed from them: all the runtime needs is lookups. */
public final class MigrationChainsBuildItem extends SimpleBuildItem {

    private final List<MigrationPlan> plans;
    private final MigrationChains chains;

    public MigrationChainsBuildItem(List<MigrationPlan> plans, MigrationChains chains) {
        this.plans = List.copyOf(plans);
        this.chains = chains;
    }

    public List<MigrationPlan> plans() {
        return plans;
    }

    public MigrationChains chains() {
        return chains;
    }
}
