package io.ferry.plan;

import io.ferry.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ferry's own plan format, the same in YAML and JSON; {@link io.ferry.plan} documents it. */
final class FerryPlanFormat {

    static final List<String> PLAN_FIELDS = List.of("process", "from", "to", "description", "author", "nodes", "variables", "timers", "messages");
    static final List<String> VARIABLE_FIELDS = List.of("rename", "defaults", "remove");

    private static final String NODE_MAP = "a mapping from old node id to new node id";
    private static final String NAME_MAP = "a mapping from old name to new name";
    private static final String TIMER_MAP = "a mapping from a timer event's node id to keep, reschedule or restart";

    private final String file;
    private final Problems problems;

    private FerryPlanFormat(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The plan, or empty when the file has problems (all reported). */
    static Optional<MigrationPlan> read(PlanTree.Mapping root, String file, Problems problems) {
        return new FerryPlanFormat(file, problems).plan(root);
    }

    private Optional<MigrationPlan> plan(PlanTree.Mapping root) {
        MappingFields fields = new MappingFields(root, "", PLAN_FIELDS, file, problems);
        String process = fields.requiredText("process", "write the id of the BPMN process the plan migrates");
        String from = fields.requiredVersion("from", "write the version instances leave");
        String to = fields.requiredVersion("to", "write the version instances move to");
        String description = fields.optionalText("description");
        String author = fields.optionalText("author");
        Map<String, SourcePosition> nodePositions = new HashMap<>();
        Map<String, String> nodes = fields.optionalMapping("nodes", NODE_MAP)
                .map(mapping -> nodes(fields, mapping, nodePositions))
                .orElse(Map.of());
        List<VariableChange> changes = fields.optionalMapping("variables", "a mapping with rename, defaults and remove")
                .map(this::variableChanges)
                .orElse(List.of());
        Map<String, SourcePosition> timerPositions = new HashMap<>();
        Map<String, TimerRule> timers = fields.optionalMapping("timers", TIMER_MAP)
                .map(mapping -> timers(fields, mapping, timerPositions))
                .orElse(Map.of());
        Map<String, SourcePosition> messagePositions = new HashMap<>();
        Map<String, String> messages = fields.optionalMapping("messages", "a mapping of old message name to new message name")
                .map(mapping -> messages(fields, mapping, messagePositions))
                .orElse(Map.of());
        if (from != null && from.equals(to)) {
            problems.add(file, fields.entry("to").orElseThrow().value().position(), PlanReader.SAME_VERSION.formatted(from));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        MigrationPlan.Positions positions = new MigrationPlan.Positions(
                valuePosition(fields, "process"), valuePosition(fields, "from"), valuePosition(fields, "to"), nodePositions,
                timerPositions, messagePositions);
        return Optional.of(new MigrationPlan(file, process, from, to, description, author, nodes, changes, timers, messages,
                positions));
    }

    private Map<String, String> nodes(MappingFields fields, PlanTree.Mapping mapping, Map<String, SourcePosition> positions) {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (PlanTree.Entry entry : mapping.entries()) {
            String oldId = fields.nonEmptyKey(entry, "nodes", "write the node's id in the old version");
            String newId = fields.nonEmptyText(entry.value(), "nodes." + entry.key(), "write the node's id in the new version");
            if (PlanReader.UNDECIDED.equals(newId)) {
                problems.add(file, entry.value().position(), PlanReader.UNDECIDED_TARGET.formatted(oldId, oldId));
            } else if (oldId != null && newId != null) {
                nodes.put(oldId, newId);
                positions.put(oldId, entry.keyPosition());
            }
        }
        return nodes;
    }

    private Map<String, String> messages(MappingFields fields, PlanTree.Mapping mapping, Map<String, SourcePosition> positions) {
        Map<String, String> messages = new LinkedHashMap<>();
        for (PlanTree.Entry entry : mapping.entries()) {
            String oldName = fields.nonEmptyKey(entry, "messages", "write the message's name in the old version");
            String newName = fields.nonEmptyText(entry.value(), "messages." + entry.key(), "write the message's name in the new version");
            if (oldName != null && newName != null) {
                messages.put(oldName, newName);
                positions.put(oldName, entry.keyPosition());
            }
        }
        return messages;
    }

    private Map<String, TimerRule> timers(MappingFields fields, PlanTree.Mapping mapping, Map<String, SourcePosition> positions) {
        Map<String, TimerRule> timers = new LinkedHashMap<>();
        for (PlanTree.Entry entry : mapping.entries()) {
            String nodeId = fields.nonEmptyKey(entry, "timers", "write the id of a timer event in the new version");
            String written = fields.nonEmptyText(entry.value(), "timers." + entry.key(), "write " + TimerRule.choices());
            if (nodeId == null || written == null) {
                continue;
            }
            Optional<TimerRule> rule = TimerRule.find(written);
            if (rule.isEmpty()) {
                problems.add(file, entry.value().position(), PlanReader.NOT_A_TIMER_RULE.formatted("timers." + entry.key(), written,
                        TimerRule.choices()));
                continue;
            }
            timers.put(nodeId, rule.get());
            positions.put(nodeId, entry.keyPosition());
        }
        return timers;
    }

    private List<VariableChange> variableChanges(PlanTree.Mapping variables) {
        MappingFields fields = new MappingFields(variables, "variables", VARIABLE_FIELDS, file, problems);
        List<VariableChange> changes = new ArrayList<>();
        fields.optionalMapping("rename", NAME_MAP).ifPresent(rename -> rename.entries().forEach(entry -> {
            String from = fields.nonEmptyKey(entry, "variables.rename", "write the variable's old name");
            String to = fields.nonEmptyText(entry.value(), "variables.rename." + entry.key(), "write the variable's new name");
            if (from != null && to != null) {
                changes.add(new VariableChange.Rename(from, to));
            }
        }));
        fields.optionalMapping("defaults", "a mapping from variable name to value").ifPresent(defaults -> defaults.entries().forEach(entry -> {
            String name = fields.nonEmptyKey(entry, "variables.defaults", "write the variable's name");
            if (entry.value() instanceof PlanTree.Scalar scalar && scalar.isNull()) {
                problems.add(file, entry.value().position(), PlanReader.EMPTY.formatted(
                        "variables.defaults." + entry.key(), "write the value the variable gets when it has none"));
            } else if (name != null) {
                changes.add(new VariableChange.SetDefault(name, entry.value().toJson()));
            }
        }));
        fields.optionalSequence("remove", "a list of variable names").ifPresent(remove -> {
            for (int index = 0; index < remove.items().size(); index++) {
                String name = fields.nonEmptyText(remove.items().get(index), "variables.remove[" + (index + 1) + "]",
                        "write the variable's name");
                if (name != null) {
                    changes.add(new VariableChange.Remove(name));
                }
            }
        });
        return changes;
    }

    private static SourcePosition valuePosition(MappingFields fields, String name) {
        return fields.entry(name).map(entry -> entry.value().position()).orElse(SourcePosition.UNKNOWN);
    }
}
