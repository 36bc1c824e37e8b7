package io.ferry.rollout;

import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.ExecutableProcess;
import io.ferry.persistence.HistoryAppender;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.JsonInstanceMarshaller;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.MigrationOnLoad;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves idle instances of older versions forward in batches, so a rollout need not wait for each
 * instance's next operation. Each batch is one transaction that locks its rows with
 * {@code FOR UPDATE SKIP LOCKED}: pods sweeping at the same time, or operations running on an
 * instance, never wait on each other and never migrate one instance twice.
 */
@ApplicationScoped
public class MigrationSweep {

    /** Active instances of one process not at the deployed version, in id order after a cursor. */
    private static final String NEXT_BATCH = """
            select id from ferry_instance
            where process_id = ?1 and process_version <> ?2 and status = 'ACTIVE' and id > ?3
            order by id
            limit ?4
            for update skip locked
            """;
    /** PostgreSQL orders uuids as unsigned bytes, so the all-zero uuid comes first. */
    private static final UUID START = new UUID(0, 0);

    public record Progress(String processId, int batches, int scanned, int migrated, int blocked, int skipped,
            boolean finished) {
    }

    public record Report(List<Progress> processes, int migrated, int blocked) {
    }

    private record BatchResult(int scanned, int migrated, int blocked, int skipped, UUID last) {
    }

    @Inject
    DeployedProcesses processes;
    @Inject
    InstanceMarshaller marshaller;
    @Inject
    HistoryAppender history;
    @Inject
    MigrationRecording recording;
    @Inject
    Clock clock;

    /** Sweeps every deployed process, at most {@code maxBatches} batches of {@code batchSize} instances each. */
    public Uni<Report> sweep(int batchSize, int maxBatches) {
        String command = "sweep-" + UUID.randomUUID();
        Uni<List<Progress>> all = Uni.createFrom().item(new ArrayList<>());
        for (ExecutableProcess process : processes.all()) {
            all = all.chain(done -> sweep(process, batchSize, maxBatches, command).map(progress -> {
                done.add(progress);
                return done;
            }));
        }
        return all.map(done -> new Report(done, done.stream().mapToInt(Progress::migrated).sum(),
                done.stream().mapToInt(Progress::blocked).sum()));
    }

    private Uni<Progress> sweep(ExecutableProcess process, int batchSize, int maxBatches, String command) {
        return next(process, batchSize, maxBatches, command, new Progress(process.id(), 0, 0, 0, 0, 0, false), START);
    }

    private Uni<Progress> next(ExecutableProcess process, int batchSize, int maxBatches, String command, Progress so,
            UUID cursor) {
        if (so.batches() >= maxBatches) {
            return Uni.createFrom().item(so);
        }
        return Panache.withTransaction(() -> batch(process, batchSize, cursor, command)).chain(result -> {
            Progress now = new Progress(so.processId(), so.batches() + 1, so.scanned() + result.scanned(),
                    so.migrated() + result.migrated(), so.blocked() + result.blocked(), so.skipped() + result.skipped(),
                    result.scanned() < batchSize);
            return now.finished() ? Uni.createFrom().item(now) : next(process, batchSize, maxBatches, command, now, result.last());
        });
    }

    private Uni<BatchResult> batch(ExecutableProcess process, int batchSize, UUID cursor, String command) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(NEXT_BATCH, UUID.class)
                        .setParameter(1, process.id())
                        .setParameter(2, process.version())
                        .setParameter(3, cursor)
                        .setParameter(4, batchSize)
                        .getResultList())
                .chain(ids -> {
                    Uni<BatchResult> result = Uni.createFrom().item(new BatchResult(0, 0, 0, 0, cursor));
                    for (UUID id : ids) {
                        result = result.chain(so -> InstanceRecord.<InstanceRecord>findById(id)
                                .chain(instance -> migrate(instance, command))
                                .map(outcome -> new BatchResult(so.scanned() + 1, so.migrated() + (outcome == 1 ? 1 : 0),
                                        so.blocked() + (outcome == 2 ? 1 : 0), so.skipped() + (outcome == 0 ? 1 : 0), id)));
                    }
                    return result;
                });
    }

    /**
     * 1 = migrated, 2 = blocked (incident recorded, instance untouched), 0 = nothing to do, which
     * includes an instance a newer Ferry stored in a snapshot format this one cannot read.
     */
    private Uni<Integer> migrate(InstanceRecord instance, String command) {
        LoadedInstance loaded;
        try {
            loaded = marshaller.unmarshal(instance);
        } catch (JsonInstanceMarshaller.NewerSnapshotFormat ownedByNewer) {
            return Uni.createFrom().item(0);
        }
        MigrationOnLoad migration = loaded.migration();
        if (migration instanceof MigrationOnLoad.Applied) {
            instance.hold(loaded.state(), marshaller.marshal(loaded.state()), clock.instant());
            return recording.applied(instance, migration)
                    .chain(() -> history.append(instance, MigrationRecording.withMigrationEvent(migration, List.of()), command))
                    .replaceWith(1);
        }
        if (migration instanceof MigrationOnLoad.Blocked || migration instanceof MigrationOnLoad.NoPlan) {
            try {
                MigrationRefusal.check(instance, migration);
            } catch (MigrationRefusal.Blocked blocked) {
                return Panache.getSession().chain(session -> recording.blocked(session, instance.id, blocked)).replaceWith(2);
            }
        }
        return Uni.createFrom().item(0);
    }
}
