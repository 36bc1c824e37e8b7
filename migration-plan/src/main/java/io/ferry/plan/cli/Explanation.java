package io.ferry.plan.cli;

import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.TimerRule;
import io.ferry.plan.VariableChange;
import java.util.List;
import java.util.Optional;

/**
 * Chains in plain language, one paragraph per old version: where its instances go, what happens
 * to their variables and timers, and why (the plans' descriptions). Names come from the BPMN files
 * the analyst passed, of any version.
 */
final class Explanation {

    static final String HEADING = "Instances of %s at version %s move to version %s (%s):";
    static final String MOVE = "instances waiting at %s move to %s";
    static final String REST = "instances waiting anywhere else stay at the node of the same id";
    static final String NOTHING_MAPPED = "every node keeps its id";
    static final String RENAME = "the variable %s is renamed to %s";
    static final String DEFAULT = "the variable %s is set to %s where it is missing or null";
    static final String REMOVE = "the variable %s is removed";
    static final String TIMER = "timers at %s %s";
    static final String WHY = "why (%s): %s";

    private Explanation() {
    }

    static String of(MigrationChains chains, List<MigrationPlan> plans, KnownDefinitions definitions) {
        StringBuilder text = new StringBuilder();
        for (CompiledChain chain : chains.chains()) {
            String process = definitions.processName(chain.processId())
                    .map(name -> "'" + name + "' (" + chain.processId() + ")").orElse("process " + chain.processId());
            String steps = String.join(", then ", chain.planFiles());
            line(text, "", HEADING.formatted(process, chain.fromVersion(), chain.toVersion(), steps));
            List<MigrationPlan> path = chain.planFiles().stream()
                    .flatMap(file -> plans.stream().filter(plan -> plan.file().equals(file)).limit(1)).toList();
            chain.nodeMap().forEach((oldId, newId) -> {
                if (existsIn(chain, oldId, path, definitions)) {
                    line(text, "  - ", MOVE.formatted(
                            NodeLabel.of(oldId, definitions.node(chain.processId(), chain.fromVersion(), oldId)),
                            NodeLabel.of(newId, definitions.node(chain.processId(), chain.toVersion(), newId))));
                }
            });
            line(text, "  - ", chain.nodeMap().isEmpty() ? NOTHING_MAPPED : REST);
            chain.variableChanges().forEach(change -> line(text, "  - ", variable(change)));
            chain.timers().forEach((nodeId, rule) -> line(text, "  - ", TIMER.formatted(
                    NodeLabel.of(nodeId, definitions.node(chain.processId(), chain.toVersion(), nodeId)), timer(rule))));
            plans.stream().filter(plan -> chain.planFiles().contains(plan.file()))
                    .forEach(plan -> why(plan).ifPresent(why -> line(text, "  ", why)));
        }
        return text.toString();
    }

    /**
     * Whether instances of the chain's first version can wait at {@code nodeId}. The chain also lists the ids
     * a later plan maps, for old nodes that kept their id; an id an earlier plan renamed a node to is new in
     * that plan's version (packItems → packParcels), so the first version never had it. The old BPMN, when
     * given, says for sure.
     */
    private static boolean existsIn(CompiledChain chain, String nodeId, List<MigrationPlan> path, KnownDefinitions definitions) {
        if (path.isEmpty() || path.get(0).nodes().containsKey(nodeId)) {
            return true;
        }
        Optional<ProcessDefinition> first = definitions.find(chain.processId(), chain.fromVersion());
        if (first.isPresent()) {
            return first.get().node(nodeId).isPresent();
        }
        for (MigrationPlan plan : path) {
            if (plan.nodes().containsKey(nodeId)) {
                return true;
            }
            if (plan.nodes().containsValue(nodeId)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> why(MigrationPlan plan) {
        if (plan.description() == null || plan.description().isBlank()) {
            return Optional.empty();
        }
        String by = plan.author() == null || plan.author().isBlank() ? plan.file() : plan.file() + ", " + plan.author();
        return Optional.of(WHY.formatted(by, plan.description().strip()));
    }

    private static String variable(VariableChange change) {
        if (change instanceof VariableChange.Rename rename) {
            return RENAME.formatted(rename.from(), rename.to());
        }
        if (change instanceof VariableChange.SetDefault setDefault) {
            return DEFAULT.formatted(setDefault.name(), setDefault.value());
        }
        return REMOVE.formatted(((VariableChange.Remove) change).name());
    }

    private static String timer(TimerRule rule) {
        return switch (rule) {
            case KEEP -> "keep their due time";
            case RESCHEDULE -> "are scheduled again by the new version's timer, counted from when they were armed";
            case RESTART -> "start again by the new version's timer, counted from the migration (a task already waiting without"
                    + " this timer gets it then)";
        };
    }

    private static void line(StringBuilder text, String indent, String line) {
        text.append(indent).append(line).append(System.lineSeparator());
    }
}
