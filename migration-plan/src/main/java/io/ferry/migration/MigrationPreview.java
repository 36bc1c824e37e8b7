package io.ferry.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.definition.ProcessDefinition;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * "What will this rollout do?", computed the same way by the engine ({@code GET
 * /admin/migrations/preview}) and the analysts' tool ({@code ferry-plan preview}): from the shapes
 * of the stored active instances (which places their tokens rest at, grouped by one set-based
 * query, {@link #SHAPES}), per process, stored version and node: how many instances rest there and
 * with how many tokens, where they move, which would block and why; and per version how many
 * instances move and how many block. An instance is counted once, however many tokens it has; it
 * moves only when every place of it moves.
 */
public final class MigrationPreview {

    /**
     * Every active instance reduced to its places (node, token state, node of the token's scope; one
     * entry per token, sorted), then grouped by process, version and places: one row per shape with
     * the number of instances and up to 20 of their ids. A distributed planner can push the inner
     * grouping (by instance id) down to the shards.
     */
    public static final String SHAPES = """
            select s.process_id, s.process_version, s.places::text, count(*),
                   array_to_string((array_agg(s.id::text order by s.id::text))[1:20], ',')
            from (select i.id, i.process_id, i.process_version,
                         jsonb_agg(jsonb_build_array(t->>'nodeId', t->>'state', sc.scope_node)
                                   order by t->>'nodeId', t->>'state', sc.scope_node) as places
                  from ferry_instance i
                  cross join lateral jsonb_array_elements(i.state->'tokens') t
                  left join lateral (select s->>'nodeId' as scope_node from jsonb_array_elements(i.state->'scopes') s
                                     where s->>'id' = t->>'scopeId') sc on true
                  where i.status = 'ACTIVE'
                  group by i.id, i.process_id, i.process_version) s
            group by 1, 2, 3
            order by 1, 2, 3
            """;

    /**
     * The end of the next batch of {@link #SHAPES_IN_BATCH}: the largest of the next {@code ?} active
     * instance ids after {@code ?}, in id order (JDBC placeholders: the tool's form, for a progress bar).
     */
    public static final String BATCH_END = """
            select max(b.id::text), count(*) from (select id from ferry_instance
                                                  where status = 'ACTIVE' and id > ?::uuid order by id limit ?) b
            """;

    /** {@link #SHAPES} over the active instances with ids after the first {@code ?} up to the second. */
    public static final String SHAPES_IN_BATCH = SHAPES.replace("where i.status = 'ACTIVE'",
            "where i.status = 'ACTIVE' and i.id > ?::uuid and i.id <= ?::uuid");

    public static final String MOVES = "MOVES";
    public static final String BLOCKS = "BLOCKS";
    public static final String NO_PLAN = "NO_PLAN";
    public static final String NEWER_THAN_DEPLOYMENT = "NEWER_THAN_DEPLOYMENT";
    public static final String PROCESS_NOT_DEPLOYED = "PROCESS_NOT_DEPLOYED";
    static final String NOT_DEPLOYED = "this deployment has no process '%s'";
    private static final int SAMPLES = 20;
    private static final ObjectMapper PLACES_READER = new ObjectMapper();
    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<NodeGroup> NODE_ORDER = Comparator.comparing(NodeGroup::processId)
            .thenComparing(NodeGroup::storedVersion)
            .thenComparing(NodeGroup::nodeId, NULLS_FIRST)
            .thenComparing(NodeGroup::tokenState, NULLS_FIRST)
            .thenComparing(NodeGroup::scopeNodeId, NULLS_FIRST);

    /** Where one token rests: its node, what it waits for, and the node of its sub-process scope (null at process level). */
    public record Place(String nodeId, String tokenState, String scopeNodeId) {
    }

    /**
     * Instances of one stored version whose tokens rest at the same places.
     *
     * @param places one per token, so a place held by two tokens is listed twice
     */
    public record Shape(String processId, String storedVersion, List<Place> places, long instances,
            List<String> sampleInstanceIds) {

        public Shape {
            places = List.copyOf(places);
            sampleInstanceIds = List.copyOf(sampleInstanceIds);
        }
    }

    /**
     * The instances of one stored version with a token at one place.
     *
     * @param instances how many instances have a token here (each counted once)
     * @param tokens how many tokens rest here, over those instances
     * @param outcome {@link #MOVES}, {@link #BLOCKS}, {@link #NO_PLAN}, {@link #NEWER_THAN_DEPLOYMENT} or {@link #PROCESS_NOT_DEPLOYED}
     * @param sampleInstanceIds some of the instances, when they do not move
     */
    public record NodeGroup(String processId, String storedVersion, String nodeId, String tokenState, String scopeNodeId,
            long instances, long tokens, String deployedVersion, String outcome, String targetNodeId, String reason,
            List<String> sampleInstanceIds) {
    }

    /** The instances of one stored version: an instance moves only when all its tokens do. */
    public record VersionGroup(String processId, String storedVersion, String deployedVersion, long instances,
            long instancesToMove, long instancesBlocked) {
    }

    /** The whole preview; the totals count instances, not tokens. */
    public record Preview(List<NodeGroup> groups, List<VersionGroup> versions, long instancesToMove, long instancesBlocked) {
    }

    private MigrationPreview() {
    }

    /**
     * The preview of these shapes against the deployed definitions; shapes at a deployed version are left out.
     *
     * @param deployed the current definition of a process, if this deployment has it
     * @param migrate what the engine does on load: state and target definition to a migration result
     */
    public static Preview of(Collection<Shape> shapes, Function<String, Optional<ProcessDefinition>> deployed,
            BiFunction<InstanceState, ProcessDefinition, MigrationResult> migrate) {
        Map<List<Object>, NodeGroupBuilder> nodes = new LinkedHashMap<>();
        Map<List<String>, VersionGroup> versions = new LinkedHashMap<>();
        for (Shape shape : merged(shapes)) {
            Optional<ProcessDefinition> target = deployed.apply(shape.processId());
            if (target.isPresent() && target.get().version().equals(shape.storedVersion())) {
                continue;
            }
            boolean moves = true;
            Map<Place, Long> tokensAt = new LinkedHashMap<>();
            shape.places().forEach(place -> tokensAt.merge(place, 1L, Long::sum));
            for (Map.Entry<Place, Long> at : tokensAt.entrySet()) {
                NodeGroupBuilder group = nodes.computeIfAbsent(List.of(shape.processId(), shape.storedVersion(), at.getKey()),
                        key -> new NodeGroupBuilder(shape.processId(), shape.storedVersion(), at.getKey(), target, migrate));
                group.add(shape, at.getValue());
                moves &= group.outcome.equals(MOVES);
            }
            String deployedVersion = target.map(ProcessDefinition::version).orElse(null);
            VersionGroup before = versions.getOrDefault(List.of(shape.processId(), shape.storedVersion()),
                    new VersionGroup(shape.processId(), shape.storedVersion(), deployedVersion, 0, 0, 0));
            versions.put(List.of(shape.processId(), shape.storedVersion()), new VersionGroup(shape.processId(),
                    shape.storedVersion(), deployedVersion, before.instances() + shape.instances(),
                    before.instancesToMove() + (moves ? shape.instances() : 0),
                    before.instancesBlocked() + (moves ? 0 : shape.instances())));
        }
        List<NodeGroup> groups = nodes.values().stream().map(NodeGroupBuilder::build).sorted(NODE_ORDER).toList();
        long toMove = versions.values().stream().mapToLong(VersionGroup::instancesToMove).sum();
        long blocked = versions.values().stream().mapToLong(VersionGroup::instancesBlocked).sum();
        return new Preview(groups, List.copyOf(versions.values()), toMove, blocked);
    }

    /** Rows of the same shape (from batches of a large table) become one. */
    private static Collection<Shape> merged(Collection<Shape> shapes) {
        Map<List<Object>, Shape> merged = new LinkedHashMap<>();
        for (Shape shape : shapes) {
            merged.merge(List.of(shape.processId(), shape.storedVersion(), shape.places()), shape, (a, b) -> {
                List<String> samples = new ArrayList<>(a.sampleInstanceIds());
                b.sampleInstanceIds().stream().limit(Math.max(0, SAMPLES - samples.size())).forEach(samples::add);
                return new Shape(a.processId(), a.storedVersion(), a.places(), a.instances() + b.instances(), samples);
            });
        }
        return merged.values();
    }

    /** One node group, whose outcome is worked out once from a state holding just its place. */
    private static final class NodeGroupBuilder {

        private final String processId;
        private final String version;
        private final Place place;
        private final String deployedVersion;
        private final String outcome;
        private final String targetNodeId;
        private final String reason;
        private final List<String> samples = new ArrayList<>();
        private long instances;
        private long tokens;

        NodeGroupBuilder(String processId, String version, Place place, Optional<ProcessDefinition> deployed,
                BiFunction<InstanceState, ProcessDefinition, MigrationResult> migrate) {
            this.processId = processId;
            this.version = version;
            this.place = place;
            this.deployedVersion = deployed.map(ProcessDefinition::version).orElse(null);
            if (deployed.isEmpty()) {
                outcome = PROCESS_NOT_DEPLOYED;
                targetNodeId = null;
                reason = NOT_DEPLOYED.formatted(processId);
                return;
            }
            MigrationResult result = migrate.apply(representative(), deployed.get());
            if (result instanceof MigrationResult.Migrated migrated) {
                outcome = MOVES;
                targetNodeId = migrated.migrated().tokens().get(0).nodeId();
                reason = null;
            } else if (result instanceof MigrationResult.Blocked blocked) {
                outcome = BLOCKS;
                targetNodeId = null;
                reason = blocked.unplaced().get(0).reason();
            } else {
                outcome = VersionOrder.NATURAL.compare(version, deployedVersion) > 0 ? NEWER_THAN_DEPLOYMENT : NO_PLAN;
                targetNodeId = null;
                reason = result instanceof MigrationResult.NoChain noChain ? noChain.message() : null;
            }
        }

        /** An instance with one token at this place, inside a scope at the place's scope node when it has one. */
        private InstanceState representative() {
            String scopeNode = place.scopeNodeId();
            List<Scope> scopes = scopeNode == null ? List.of() : List.of(new Scope("s", scopeNode, null));
            Token token = new Token("t", place.nodeId(), scopeNode == null ? null : "s", TokenState.of(place.tokenState()));
            return new InstanceState(processId, version, InstanceStatus.ACTIVE, List.of(token), scopes,
                    JsonNodeFactory.instance.objectNode(), 0);
        }

        void add(Shape shape, long tokensPerInstance) {
            instances += shape.instances();
            tokens += shape.instances() * tokensPerInstance;
            if (!outcome.equals(MOVES)) {
                shape.sampleInstanceIds().stream().limit(Math.max(0, SAMPLES - samples.size())).forEach(samples::add);
            }
        }

        NodeGroup build() {
            return new NodeGroup(processId, version, place.nodeId(), place.tokenState(), place.scopeNodeId(), instances, tokens,
                    deployedVersion, outcome, targetNodeId, reason, List.copyOf(samples));
        }
    }

    /** Reads the places column of {@link #SHAPES}: {@code [["reviewOrder","USER_TASK",null], …]}. */
    public static List<Place> places(String placesColumn) {
        JsonNode column;
        try {
            column = PLACES_READER.readTree(placesColumn);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's jsonb text could not be read back: " + placesColumn, e);
        }
        List<Place> places = new ArrayList<>();
        column.forEach(place -> places.add(new Place(text(place.get(0)), text(place.get(1)), text(place.get(2)))));
        return places;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
