package io.ferry.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.input.FerryJson;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code ferry_history_event}: an entry of an instance's append-only history. */
public class HistoryEventRecord {

    /** The columns {@link #of(Row)} reads, of the table aliased {@code h}; the data as JSON text, for Ferry's exact mapper. */
    public static final String COLUMNS = """
            h.instance_id, h.sequence, h.id, h.type, h.node_id, h.token_id, h.data::text as data, h.occurred_at,
            h.correlation_id, h.causation_id""";

    public UUID instanceId;
    public long sequence;
    public UUID id;
    public String type;
    public String nodeId;
    public String tokenId;
    public JsonNode data;
    public Instant occurredAt;
    public String correlationId;
    public String causationId;

    /** The event a row of {@link #COLUMNS} holds. */
    public static HistoryEventRecord of(Row row) {
        HistoryEventRecord event = new HistoryEventRecord();
        event.instanceId = row.getUUID("instance_id");
        event.sequence = row.getLong("sequence");
        event.id = row.getUUID("id");
        event.type = row.getString("type");
        event.nodeId = row.getString("node_id");
        event.tokenId = row.getString("token_id");
        event.data = data(event, row.getString("data"));
        event.occurredAt = row.getOffsetDateTime("occurred_at").toInstant();
        event.correlationId = row.getString("correlation_id");
        event.causationId = row.getString("causation_id");
        return event;
    }

    private static JsonNode data(HistoryEventRecord event, String json) {
        if (json == null) {
            return null;
        }
        try {
            return FerryJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("History event " + event.sequence + " of instance " + event.instanceId
                    + " has stored data Ferry cannot read: " + e.getMessage(), e);
        }
    }
}
