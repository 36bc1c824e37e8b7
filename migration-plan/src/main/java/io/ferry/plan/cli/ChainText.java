package io.ferry.plan.cli;

import io.ferry.plan.CompiledChain;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.VariableChange;

/** Chains as an analyst reads them: one block per old version, one line per change. */
final class ChainText {

    private ChainText() {
    }

    static String of(MigrationChains chains) {
        StringBuilder text = new StringBuilder();
        for (CompiledChain chain : chains.chains()) {
            text.append("%s %s → %s by %s%n".formatted(
                    chain.processId(), chain.fromVersion(), chain.toVersion(), String.join(", ", chain.planFiles())));
            chain.nodeMap().forEach((oldId, newId) -> text.append("  node %s → %s%n".formatted(oldId, newId)));
            chain.variableChanges().forEach(change -> text.append("  ").append(describe(change)).append(System.lineSeparator()));
        }
        return text.toString();
    }

    private static String describe(VariableChange change) {
        if (change instanceof VariableChange.Rename rename) {
            return "rename " + rename.from() + " → " + rename.to();
        }
        if (change instanceof VariableChange.SetDefault setDefault) {
            return "default " + setDefault.name() + " = " + setDefault.value();
        }
        return "remove " + ((VariableChange.Remove) change).name();
    }
}
