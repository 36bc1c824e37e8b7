package io.ferry.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ferry.definition.ProcessDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every direct chain to the current versions: one {@link CompiledChain} for each version that plans
 * lead from, so v1→v2→v3 becomes one v1→v3 lookup. The build composes and records them; the runtime
 * only finds one by process and version.
 */
public final class MigrationChains {

    private final List<CompiledChain> chains;
    private final Map<String, Map<String, CompiledChain>> byProcessAndVersion = new HashMap<>();

    @JsonCreator
    public MigrationChains(@JsonProperty("chains") List<CompiledChain> chains) {
        this.chains = List.copyOf(chains);
        chains.forEach(chain -> byProcessAndVersion
                .computeIfAbsent(chain.processId(), process -> new HashMap<>())
                .put(chain.fromVersion(), chain));
    }

    /**
     * Composes the plans into chains to the current definitions. Meant for plans the
     * {@link PlanChecker} accepted; of others, only the versions whose plans reach the current
     * version get a chain (where two plans leave one version, the first counts).
     */
    public static MigrationChains compose(List<MigrationPlan> plans, Collection<ProcessDefinition> current) {
        Map<String, String> versions = new LinkedHashMap<>();
        current.forEach(definition -> versions.putIfAbsent(definition.id(), definition.version()));
        return compose(plans, versions);
    }

    /** The same from the current version of each process, for tools that do not have the BPMN files. */
    public static MigrationChains compose(List<MigrationPlan> plans, Map<String, String> currentVersions) {
        Map<String, VersionSteps> steps = VersionSteps.byProcess(plans);
        List<CompiledChain> chains = new ArrayList<>();
        currentVersions.forEach((processId, currentVersion) -> {
            VersionSteps process = steps.getOrDefault(processId, VersionSteps.NONE);
            for (String version : process.sourceVersions()) {
                process.pathToCurrent(version, currentVersion)
                        .filter(path -> !path.isEmpty())
                        .map(CompiledChain::compose)
                        .ifPresent(chains::add);
            }
        });
        return new MigrationChains(chains);
    }

    @JsonProperty
    public List<CompiledChain> chains() {
        return chains;
    }

    /** The chain that moves instances of this process stored at this version, if plans lead from it. */
    public Optional<CompiledChain> find(String processId, String version) {
        return Optional.ofNullable(byProcessAndVersion.getOrDefault(processId, Map.of()).get(version));
    }
}
