package io.ferry.persistence;

import io.ferry.execution.EngineEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends an operation's events to an instance's history, stamping each with its time, the
 * instance's correlation id, and its causation id: the command for the first event of an
 * operation, the previous event for the others (so the history reads as a causal chain).
 */
@ApplicationScoped
public class HistoryAppender {

    @Inject
    Clock clock;

    public Uni<List<HistoryEventRecord>> append(InstanceRecord instance, List<EngineEvent> events, String commandId) {
        List<HistoryEventRecord> records = new ArrayList<>(events.size());
        String cause = commandId;
        for (EngineEvent event : events) {
            HistoryEventRecord record = new HistoryEventRecord();
            record.instanceId = instance.id;
            record.sequence = ++instance.historyLength;
            record.id = UUID.randomUUID();
            record.type = event.type();
            record.nodeId = event.nodeId();
            record.tokenId = event.tokenId();
            record.data = event.data();
            record.occurredAt = clock.instant();
            record.correlationId = instance.correlationId;
            record.causationId = cause;
            cause = record.id.toString();
            records.add(record);
        }
        return HistoryEventRecord.persist(records).replaceWith(records);
    }
}
