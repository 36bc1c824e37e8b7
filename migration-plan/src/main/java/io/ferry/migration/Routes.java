package io.ferry.migration;

import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.MigrationChains;
import io.ferry.state.InstanceState;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Route} of every shipped chain to the current definitions, built once when the
 * application starts; {@link #apply} then gives what {@link Migration#apply(InstanceState,
 * MigrationChains, ProcessDefinition)} gives, with nothing left to work out per state.
 */
public final class Routes {

    private final MigrationChains chains;
    private final Map<String, Map<String, Route>> byProcessAndVersion = new HashMap<>();

    private Routes(MigrationChains chains, Collection<ProcessDefinition> current) {
        this.chains = chains;
        Map<String, ProcessDefinition> targets = new HashMap<>();
        current.forEach(definition -> targets.putIfAbsent(definition.id(), definition));
        for (CompiledChain chain : chains.chains()) {
            ProcessDefinition target = targets.get(chain.processId());
            if (target != null && target.version().equals(chain.toVersion())) {
                byProcessAndVersion.computeIfAbsent(chain.processId(), process -> new HashMap<>())
                        .put(chain.fromVersion(), Route.of(chain, target));
            }
        }
    }

    /** The routes of those chains that lead to one of these definitions; others are left out. */
    public static Routes of(MigrationChains chains, Collection<ProcessDefinition> current) {
        return new Routes(chains, current);
    }

    /** Moves the state to the target version, as {@link Migration#apply(InstanceState, MigrationChains, ProcessDefinition)}. */
    public MigrationResult apply(InstanceState state, ProcessDefinition target) {
        return apply(state, target, null);
    }

    /** The same at a known moment, from which plans restart timers ({@link Route#apply(InstanceState, Instant)}). */
    public MigrationResult apply(InstanceState state, ProcessDefinition target, Instant now) {
        Route route = byProcessAndVersion.getOrDefault(state.processId(), Map.of()).get(state.version());
        if (route == null || route.target() != target) {
            return chains.find(state.processId(), state.version())
                    .filter(chain -> Route.leadsTo(chain, target))
                    .map(chain -> Route.of(chain, target).apply(state, now))
                    .orElseGet(() -> Migration.apply(state, chains, target));
        }
        return route.apply(state, now);
    }
}
