package io.ferry.rollout;

import io.ferry.catalog.DeployedProcesses;
import io.ferry.execution.ExecutableProcess;
import io.ferry.persistence.HistoryAppender;
import io.ferry.persistence.EffectRows;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.IncidentRecord;
import io.ferry.persistence.InstanceChange;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.InstanceRecord;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.JsonInstanceMarshaller;
import io.ferry.persistence.LoadedInstance;
import io.ferry.persistence.MigrationOnLoad;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves idle instances of older versions forward in batches, so a rollout need not wait for each
 * instance's next operation. Each batch is one transaction of three statements: lock the batch's
 * rows ({@code FOR NO KEY UPDATE SKIP LOCKED}), store every migrated instance with its
 * {@code InstanceMigrated} event in one statement, open the incidents of the blocked ones in another.
 * Pods sweeping at the same time, or operations running on an instance, never wait on each other
 * for long and never migrate one instance twice; an operation that read an instance the sweep then
 * moved is applied again to the moved instance.
 *
 * <p>A call stops starting batches after {@link #CALL_LIMIT} and reports {@code finished=false}, so
 * no call outlives an HTTP client's patience. The next call on this pod goes on after the last
 * instance the previous one looked at, rather than walking again past every instance already moved
 * (which made a backlog of n instances cost n² / batch); once a pass reaches the end, the next starts
 * from the beginning again, where blocked instances a newer image may free are looked at anew. The
 * place is only a hint, kept per pod: rows before it are never lost, only looked at a pass later.
 */
@ApplicationScoped
public class MigrationSweep {

    /** How long one call keeps starting batches. */
    static final Duration CALL_LIMIT = Duration.ofSeconds(10);
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
    InstanceStore store;
    @Inject
    HistoryAppender history;
    @Inject
    MigrationRecording recording;
    @Inject
    Clock clock;

    /** Per process, the instance id the last call of this pod stopped after. */
    private final Map<String, UUID> resumeAfter = new ConcurrentHashMap<>();

    /** Sweeps every deployed process, at most {@code maxBatches} batches of {@code batchSize} instances each. */
    public Uni<Report> sweep(int batchSize, int maxBatches) {
        String command = "sweep-" + UUID.randomUUID();
        Instant deadline = clock.instant().plus(CALL_LIMIT);
        Uni<List<Progress>> all = Uni.createFrom().item(new ArrayList<>());
        for (ExecutableProcess process : processes.all()) {
            all = all.chain(done -> next(process, batchSize, maxBatches, command, deadline,
                    new Progress(process.id(), 0, 0, 0, 0, 0, false), resumeAfter.getOrDefault(process.id(), START)).map(progress -> {
                        done.add(progress);
                        return done;
                    }));
        }
        return all.map(done -> new Report(done, done.stream().mapToInt(Progress::migrated).sum(),
                done.stream().mapToInt(Progress::blocked).sum()));
    }

    private Uni<Progress> next(ExecutableProcess process, int batchSize, int maxBatches, String command, Instant deadline,
            Progress so, UUID cursor) {
        if (so.batches() >= maxBatches || clock.instant().isAfter(deadline)) {
            resumeAfter.put(process.id(), cursor);
            return Uni.createFrom().item(so);
        }
        return store.pool().withTransaction(connection -> store
                        .lockOldVersions(connection, process.id(), process.version(), cursor, batchSize)
                        .chain(rows -> batch(connection, process, rows, cursor, command)))
                .chain(result -> {
                    Progress now = new Progress(so.processId(), so.batches() + 1, so.scanned() + result.scanned(),
                            so.migrated() + result.migrated(), so.blocked() + result.blocked(),
                            so.skipped() + result.skipped(), result.scanned() < batchSize);
                    if (now.finished()) {
                        resumeAfter.remove(process.id());
                        return Uni.createFrom().item(now);
                    }
                    return next(process, batchSize, maxBatches, command, deadline, now, result.last());
                });
    }

    private Uni<BatchResult> batch(SqlConnection connection, ExecutableProcess process, List<InstanceRecord> rows,
            UUID cursor, String command) {
        Instant now = clock.instant();
        List<InstanceChange> changes = new ArrayList<>();
        List<MigrationOnLoad.Applied> applied = new ArrayList<>();
        List<IncidentRecord> incidents = new ArrayList<>();
        for (InstanceRecord row : rows) {
            LoadedInstance loaded;
            try {
                loaded = marshaller.unmarshal(row);
            } catch (JsonInstanceMarshaller.NewerSnapshotFormat ownedByNewer) {
                continue;
            }
            MigrationOnLoad migration = loaded.migration();
            if (migration instanceof MigrationOnLoad.Applied moved) {
                row.hold(loaded.state(), marshaller.marshal(loaded.state()), now);
                List<HistoryEventRecord> events = history.append(row,
                        MigrationRecording.withMigrationEvent(migration, List.of()), command, now);
                changes.add(new InstanceChange(row, events, true, moved.rows(row.id)));
                applied.add(moved);
            } else {
                MigrationRefusal.of(row, migration).filter(MigrationRefusal::opensIncident)
                        .ifPresent(refusal -> incidents.add(recording.incident(row, refusal)));
            }
        }
        UUID last = rows.isEmpty() ? cursor : rows.get(rows.size() - 1).id;
        Uni<List<UUID>> written = changes.isEmpty() ? Uni.createFrom().item(List.of()) : store.write(connection, changes, now);
        return written.call(() -> store.openIncidents(connection, incidents, now)).map(stored -> {
            if (stored.size() != changes.size()) {
                // The batch holds its rows locked, so their revisions cannot have moved.
                throw new IllegalStateException("The sweep stored " + stored.size() + " of " + changes.size()
                        + " migrated instances it held locked");
            }
            recording.swept(process.id(), applied);
            return new BatchResult(rows.size(), changes.size(), incidents.size(),
                    rows.size() - changes.size() - incidents.size(), last);
        });
    }
}
