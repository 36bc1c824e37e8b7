package io.ferry.persistence;

import io.ferry.execution.EngineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns an operation's events into the instance's next history rows, stamping each with its
 * sequence, time, the instance's correlation id, and its causation id: the command for the first
 * event of an operation, the previous event for the others (so the history reads as a causal
 * chain). The rows are stored with the instance's new state, by {@link InstanceStore}.
 */
@ApplicationScoped
public class HistoryAppender {

    /** The rows of events that happened {@code now}, numbered on from the instance's history length, which grows by as many. */
    public List<HistoryEventRecord> append(InstanceRecord instance, List<EngineEvent> events, String commandId, Instant now) {
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
            record.occurredAt = now;
            record.correlationId = instance.correlationId;
            record.causationId = cause;
            cause = record.id.toString();
            records.add(record);
        }
        return records;
    }
}
