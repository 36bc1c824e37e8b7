package io.ferry.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.MigrationChains;
import io.ferry.state.InstanceState;

/**
 * Moves an instance's state to the current version of its process: a pure function of the state,
 * a compiled chain and the target definition, which never changes its input and never half-migrates.
 */
public final class Migration {

    private Migration() {
    }

    /** Finds the chain for the state's version and applies it. */
    public static MigrationResult apply(InstanceState state, MigrationChains chains, ProcessDefinition target) {
        if (isAt(state, target)) {
            return new MigrationResult.UpToDate(state);
        }
        return chains.find(state.processId(), state.version())
                .map(chain -> apply(state, chain, target))
                .orElseGet(() -> noChain(state, target));
    }

    /**
     * Replaces every node id of the state through the chain, checks that each lands on a node of
     * the target that can hold what the state keeps there, sets the target version and runs the
     * variable changes. A state already at the target version is returned as it is. Builds the
     * chain's {@link Route} for this one call: code that migrates many states builds it once.
     */
    public static MigrationResult apply(InstanceState state, CompiledChain chain, ProcessDefinition target) {
        if (isAt(state, target)) {
            return new MigrationResult.UpToDate(state);
        }
        if (chain == null || !Route.leadsTo(chain, target)) {
            return noChain(state, target);
        }
        // The route checks that the chain leaves from the state's process and version.
        return Route.of(chain, target).apply(state);
    }

    static boolean isAt(InstanceState state, ProcessDefinition target) {
        return state.processId().equals(target.id()) && state.version().equals(target.version());
    }

    static MigrationResult noChain(InstanceState state, ProcessDefinition target) {
        return new MigrationResult.NoChain(state.processId(), state.version(), target.version());
    }

    /**
     * Copies only the top level, as variable changes only add, move and drop top-level fields: the
     * nested values both states then share are never changed in place (the engine copies a state's
     * variables before it changes them), so neither are the variables when no change runs.
     */
    static ObjectNode changedVariables(InstanceState state, CompiledChain chain) {
        if (chain.variableChanges().isEmpty() && state.variables() != null) {
            return state.variables();
        }
        ObjectNode variables = JsonNodeFactory.instance.objectNode();
        if (state.variables() != null) {
            variables.setAll(state.variables());
        }
        chain.variableChanges().forEach(change -> change.applyTo(variables));
        return variables;
    }
}
