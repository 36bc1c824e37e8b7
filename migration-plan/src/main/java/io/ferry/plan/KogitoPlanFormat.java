package io.ferry.plan;

import io.ferry.source.SourcePosition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kogito's migration plan files ({@code .mpf}), read as Kogito writes them:
 * <pre>{@code
 * { "name": "...",
 *   "processMigrationPlan": {
 *     "sourceProcessDefinition": { "processId": "order", "processVersion": "1" },
 *     "targetProcessDefinition": { "processId": "order", "processVersion": "2" },
 *     "nodeInstanceMigrationPlan": [ { "sourceNodeId": "a", "targetNodeId": "b" } ] } }
 * }</pre>
 * The name becomes the plan's description. Kogito's own reader also rejects unknown fields.
 */
final class KogitoPlanFormat {

    static final List<String> PLAN_FIELDS = List.of("name", "processMigrationPlan");
    static final List<String> MIGRATION_FIELDS =
            List.of("sourceProcessDefinition", "targetProcessDefinition", "nodeInstanceMigrationPlan");
    static final List<String> DEFINITION_FIELDS = List.of("processId", "processVersion");
    static final List<String> NODE_FIELDS = List.of("sourceNodeId", "targetNodeId");

    private final String file;
    private final Problems problems;

    private KogitoPlanFormat(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The plan, or empty when the file has problems (all reported). */
    static Optional<MigrationPlan> read(PlanTree.Mapping root, String file, Problems problems) {
        return new KogitoPlanFormat(file, problems).plan(root);
    }

    private Optional<MigrationPlan> plan(PlanTree.Mapping root) {
        MappingFields fields = new MappingFields(root, "", PLAN_FIELDS, file, problems);
        String name = fields.optionalText("name");
        Optional<PlanTree.Mapping> migration = fields.requiredMapping("processMigrationPlan",
                "write the source and target process definitions and the node mappings", "an object");
        if (migration.isEmpty()) {
            return Optional.empty();
        }
        MappingFields migrationFields = new MappingFields(migration.get(), "processMigrationPlan", MIGRATION_FIELDS, file, problems);
        Definition source = definition(migrationFields, "sourceProcessDefinition");
        Definition target = definition(migrationFields, "targetProcessDefinition");
        Map<String, SourcePosition> nodePositions = new HashMap<>();
        Map<String, String> nodes = migrationFields.optionalSequence("nodeInstanceMigrationPlan", "a list of node mappings")
                .map(list -> nodes(list, nodePositions))
                .orElse(Map.of());
        if (source != null && target != null && source.processId() != null && target.processId() != null
                && !source.processId().equals(target.processId())) {
            problems.add(file, target.processIdPosition(),
                    PlanReader.DIFFERENT_PROCESSES.formatted(source.processId(), target.processId()));
        }
        if (!problems.isEmpty() || source == null || target == null) {
            return Optional.empty();
        }
        if (source.version().equals(target.version())) {
            problems.add(file, target.versionPosition(), PlanReader.SAME_VERSION.formatted(source.version()));
            return Optional.empty();
        }
        MigrationPlan.Positions positions = new MigrationPlan.Positions(
                source.processIdPosition(), source.versionPosition(), target.versionPosition(), nodePositions, Map.of());
        return Optional.of(new MigrationPlan(file, source.processId(), source.version(), target.version(), name, null,
                nodes, List.of(), Map.of(), positions));
    }

    private record Definition(String processId, SourcePosition processIdPosition, String version, SourcePosition versionPosition) {
    }

    private Definition definition(MappingFields parent, String name) {
        Optional<PlanTree.Mapping> mapping = parent.requiredMapping(name, "write its processId and processVersion",
                "an object with processId and processVersion");
        if (mapping.isEmpty()) {
            return null;
        }
        MappingFields fields = new MappingFields(mapping.get(), parent.qualified(name), DEFINITION_FIELDS, file, problems);
        String processId = fields.requiredText("processId", "write the id of the BPMN process");
        String version = fields.requiredVersion("processVersion", "write the process version");
        return new Definition(processId, valuePosition(fields, "processId"), version, valuePosition(fields, "processVersion"));
    }

    private Map<String, String> nodes(PlanTree.Sequence list, Map<String, SourcePosition> positions) {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (int index = 0; index < list.items().size(); index++) {
            String path = "processMigrationPlan.nodeInstanceMigrationPlan[" + (index + 1) + "]";
            PlanTree item = list.items().get(index);
            if (!(item instanceof PlanTree.Mapping mapping)) {
                problems.add(file, item.position(), PlanReader.WRONG_TYPE.formatted(path,
                        "an object with sourceNodeId and targetNodeId", item.kindName()));
                continue;
            }
            MappingFields fields = new MappingFields(mapping, path, NODE_FIELDS, file, problems);
            String oldId = fields.requiredText("sourceNodeId", "write the node's id in the source version");
            String newId = fields.requiredText("targetNodeId", "write the node's id in the target version");
            if (oldId == null || newId == null) {
                continue;
            }
            SourcePosition position = valuePosition(fields, "sourceNodeId");
            SourcePosition first = positions.putIfAbsent(oldId, position);
            if (first != null) {
                problems.add(file, position, PlanReader.MAPPED_TWICE.formatted(oldId, first.line()));
            } else {
                nodes.put(oldId, newId);
            }
        }
        return nodes;
    }

    private static SourcePosition valuePosition(MappingFields fields, String name) {
        return fields.entry(name).map(entry -> entry.value().position()).orElse(SourcePosition.UNKNOWN);
    }
}
