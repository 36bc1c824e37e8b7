package io.ferry.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.ExecutableProcess;
import io.ferry.migration.MigrationResult;
import io.ferry.migration.VersionOrder;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.MigrationOnLoad;
import io.ferry.state.InstanceState;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.InstanceStatus;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The marshalling decorator of the migration proposal: while an active instance stored under an
 * older version is unmarshalled for its next operation, the build's precomposed chain moves every
 * node id it holds to the deployed version. Only lookups happen here; nothing is written — the
 * operation that loaded the instance commits the move with its own changes, or nothing at all.
 */
@Decorator
@Priority(10)
public abstract class MigratingInstanceMarshaller implements InstanceMarshaller {

    @Inject
    @Delegate
    @Any
    InstanceMarshaller delegate;
    @Inject
    DeployedProcesses processes;
    @Inject
    MigrationRoutes routes;
    @Inject
    Clock clock;

    @Override
    public LoadedInstance unmarshal(InstanceRecord record) {
        LoadedInstance loaded = delegate.unmarshal(record);
        InstanceState state = loaded.state();
        Optional<ProcessDefinition> deployed = processes.find(state.processId()).map(ExecutableProcess::definition);
        if (state.status() != InstanceStatus.ACTIVE || deployed.isEmpty() || deployed.get().version().equals(state.version())) {
            return loaded;
        }
        ProcessDefinition target = deployed.get();
        MigrationResult result = routes.apply(state, target, clock.instant());
        if (result instanceof MigrationResult.Migrated migrated) {
            return new LoadedInstance(migrated.migrated(), new MigrationOnLoad.Applied(state.version(), target.version(),
                    migrated.planFiles(), migrated.movedNodeIds(), rescheduled(state, migrated.migrated()),
                    opened(state, migrated.migrated())));
        }
        if (result instanceof MigrationResult.Blocked blocked) {
            return new LoadedInstance(state, new MigrationOnLoad.Blocked(state.version(), target.version(), blocked.unplaced()));
        }
        if (result instanceof MigrationResult.NoChain) {
            MigrationOnLoad refusal = VersionOrder.NATURAL.compare(state.version(), target.version()) > 0
                    ? new MigrationOnLoad.NewerThanImage(state.version(), target.version())
                    : new MigrationOnLoad.NoPlan(state.version(), target.version());
            return new LoadedInstance(state, refusal);
        }
        return loaded;
    }

    /** The timers whose due time the plans changed, which their rows must follow. */
    private static List<Timer> rescheduled(InstanceState stored, InstanceState migrated) {
        Map<String, Instant> dueBefore = new HashMap<>();
        stored.tokens().forEach(token -> token.timers().forEach(timer -> dueBefore.put(timer.id(), timer.dueAt())));
        List<Timer> changed = new ArrayList<>();
        migrated.tokens().forEach(token -> token.timers().stream()
                .filter(timer -> !timer.dueAt().equals(dueBefore.get(timer.id())))
                .forEach(changed::add));
        return changed;
    }

    /** The subscriptions the move opened (message boundary events new to a waiting task), which need their rows. */
    private static List<Subscription> opened(InstanceState stored, InstanceState migrated) {
        Set<String> before = new HashSet<>();
        stored.tokens().forEach(token -> token.subscriptions().forEach(subscription -> before.add(subscription.id())));
        List<Subscription> opened = new ArrayList<>();
        migrated.tokens().forEach(token -> token.subscriptions().stream()
                .filter(subscription -> !before.contains(subscription.id()))
                .forEach(opened::add));
        return opened;
    }

    @Override
    public JsonNode marshal(InstanceState state) {
        return delegate.marshal(state);
    }
}
