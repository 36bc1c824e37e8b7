package io.ferry.api;

import io.ferry.api.Views.IncidentView;
import io.ferry.api.Views.AppliedMigrationView;
import io.ferry.api.Views.InstanceView;
import io.ferry.api.Views.MigrationView;
import io.ferry.api.Views.UnplacedNodeView;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.MigrationOnLoad;
import java.util.List;
import java.util.Map;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.ExecutableProcess;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.StoredInstance;
import io.ferry.state.InstanceState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Builds the instance view a client sees from a stored instance. */
@ApplicationScoped
public class InstanceViews {

    @Inject
    InstanceMarshaller marshaller;
    @Inject
    DeployedProcesses processes;
    @Inject
    io.ferry.catalog.ShippedMigrations migrations;

    /** A listed instance, with the version its next operation runs it at (no state is read: see {@link Views.InstanceSummary}). */
    public Views.InstanceSummary summary(io.ferry.operation.InstanceQueries.ListedInstance instance) {
        String effective = instance.version();
        if (!"ACTIVE".equals(instance.status())) {
            return Views.InstanceSummary.of(instance, effective);
        }
        String deployed = processes.find(instance.processId()).map(ExecutableProcess::version).orElse(null);
        if (deployed != null && !deployed.equals(effective)
                && migrations.chainFrom(instance.processId(), effective).isPresent()) {
            effective = deployed;
        }
        return Views.InstanceSummary.of(instance, effective);
    }

    /** The instance as its next operation would see it: a read shows a pending migration but never stores it. */
    public InstanceView of(StoredInstance stored) {
        return of(stored, marshaller.unmarshal(stored.row()));
    }

    /** The instance with the state it was loaded or left with. */
    public InstanceView of(StoredInstance stored, LoadedInstance loaded) {
        InstanceRecord instance = stored.row();
        InstanceState state = loaded.state();
        ProcessDefinition definition = processes.at(state.processId(), state.version())
                .map(ExecutableProcess::definition)
                .orElse(null);
        return new InstanceView(instance.id, state.processId(), state.version(), instance.processVersion, state.version(),
                state.status().name(),
                instance.businessKey, instance.revision, state.variables(), Views.activeNodeIds(state),
                Views.tasks(state, definition), Views.jobs(state, definition), Views.timers(state), Views.subscriptions(state), stored.openIncidents().stream().map(IncidentView::of).toList(),
                migration(loaded.migration()), stored.appliedMigrations().stream().map(AppliedMigrationView::of).toList(),
                instance.createdAt, instance.updatedAt);
    }

    private static MigrationView migration(MigrationOnLoad migration) {
        if (migration instanceof MigrationOnLoad.Applied applied) {
            return new MigrationView("PENDING", applied.fromVersion(), applied.toVersion(), applied.planFiles(),
                    applied.movedNodeIds(), List.of());
        }
        if (migration instanceof MigrationOnLoad.Blocked blocked) {
            return new MigrationView("BLOCKED", blocked.fromVersion(), blocked.toVersion(), List.of(), Map.of(),
                    blocked.unplaced().stream().map(node -> new UnplacedNodeView(node.nodeId(), node.reason())).toList());
        }
        if (migration instanceof MigrationOnLoad.NoPlan noPlan) {
            return new MigrationView("NO_PLAN", noPlan.fromVersion(), noPlan.toVersion(), List.of(), Map.of(), List.of());
        }
        if (migration instanceof MigrationOnLoad.NewerThanImage newer) {
            return new MigrationView("NEWER_THAN_DEPLOYMENT", newer.storedVersion(), newer.deployedVersion(), List.of(),
                    Map.of(), List.of());
        }
        return null;
    }

    /** The instance's revision as an HTTP entity tag, for If-Match on the next write. */
    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** Reads an If-Match header: {@code "3"}, {@code 3} or absent. */
    public static Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw io.ferry.problem.Problem.of(io.ferry.problem.ProblemType.INVALID_REQUEST,
                    "If-Match must be the instance's revision as its ETag gives it, like \"3\"; got " + ifMatch + ".")
                    .exception();
        }
    }
}
