package io.ferry.rollout;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.ExecutableProcess;
import io.ferry.migration.MigrationResult;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers "what will this rollout do?" without writing anything: for every process, stored version
 * and node where active instances rest, how many instances sit there, where the chain moves them,
 * and which would block. One set-based query groups the stored snapshots; the chain is applied to
 * one representative state per group.
 */
@ApplicationScoped
public class RolloutPreview {

    /** Where tokens rest, grouped; a token's scope is reduced to the scope's node for the placement check. */
    private static final String TOKEN_PLACES = """
            select i.process_id, i.process_version, t->>'nodeId', t->>'state', sc.scope_node,
                   count(distinct i.id), array_to_string((array_agg(distinct i.id::text))[1:20], ',')
            from ferry_instance i
            cross join lateral jsonb_array_elements(i.state->'tokens') t
            left join lateral (select s->>'nodeId' as scope_node from jsonb_array_elements(i.state->'scopes') s
                               where s->>'id' = t->>'scopeId') sc on true
            where i.status = 'ACTIVE'
            group by 1, 2, 3, 4, 5
            order by 1, 2, 3
            """;

    /** One group of the preview: instances of one stored version resting at one node. */
    public record NodeGroup(String processId, String storedVersion, String nodeId, String tokenState, String scopeNodeId,
            long instances, String deployedVersion, String outcome, String targetNodeId, String reason,
            List<String> sampleInstanceIds) {
    }

    public record Preview(List<NodeGroup> groups, long instancesToMove, long instancesBlocked) {
    }

    @Inject
    DeployedProcesses processes;
    @Inject
    MigrationRoutes routes;
    @Inject
    Pool pool;

    public Uni<Preview> preview() {
        return pool.preparedQuery(TOKEN_PLACES).execute().map(this::evaluate);
    }

    private Preview evaluate(RowSet<Row> rows) {
        List<NodeGroup> groups = new ArrayList<>();
        for (Row row : rows) {
            String processId = row.getString(0);
            String version = row.getString(1);
            Optional<ProcessDefinition> deployed = processes.find(processId).map(ExecutableProcess::definition);
            if (deployed.isPresent() && deployed.get().version().equals(version)) {
                continue;
            }
            groups.add(group(row, deployed));
        }
        long toMove = groups.stream().filter(group -> group.outcome().equals("MOVES")).mapToLong(NodeGroup::instances).sum();
        long blocked = groups.stream().filter(group -> !group.outcome().equals("MOVES")).mapToLong(NodeGroup::instances).sum();
        return new Preview(groups, toMove, blocked);
    }

    private NodeGroup group(Row row, Optional<ProcessDefinition> deployed) {
        String processId = row.getString(0);
        String version = row.getString(1);
        String nodeId = row.getString(2);
        String tokenState = row.getString(3);
        String scopeNode = row.getString(4);
        long instances = row.getLong(5);
        List<String> sample = samples(row.getString(6));
        if (deployed.isEmpty()) {
            return new NodeGroup(processId, version, nodeId, tokenState, scopeNode, instances, null, "PROCESS_NOT_DEPLOYED",
                    null, "this deployment has no process '" + processId + "'", sample);
        }
        ProcessDefinition target = deployed.get();
        List<Scope> scopes = scopeNode == null ? List.of() : List.of(new Scope("s", scopeNode, null));
        InstanceState representative = new InstanceState(processId, version, InstanceStatus.ACTIVE,
                List.of(new Token("t", nodeId, scopeNode == null ? null : "s", TokenState.of(tokenState))), scopes,
                JsonNodeFactory.instance.objectNode(), 0);
        // The preview only asks where nodes land; no timer rule changes that.
        MigrationResult result = routes.apply(representative, target, null);
        if (result instanceof MigrationResult.Migrated migrated) {
            return new NodeGroup(processId, version, nodeId, tokenState, scopeNode, instances, target.version(), "MOVES",
                    migrated.migrated().tokens().get(0).nodeId(), null, List.of());
        }
        if (result instanceof MigrationResult.Blocked blocked) {
            return new NodeGroup(processId, version, nodeId, tokenState, scopeNode, instances, target.version(), "BLOCKS",
                    null, blocked.unplaced().get(0).reason(), sample);
        }
        String outcome = VersionOrder.NATURAL.compare(version, target.version()) > 0 ? "NEWER_THAN_DEPLOYMENT" : "NO_PLAN";
        return new NodeGroup(processId, version, nodeId, tokenState, scopeNode, instances, target.version(), outcome, null,
                ((MigrationResult.NoChain) result).message(), sample);
    }

    private static List<String> samples(String value) {
        return value == null || value.isEmpty() ? List.of() : List.of(value.split(","));
    }
}
