package io.ferry.persistence;

import io.ferry.input.FerryJson;
import java.util.UUID;

/**
 * A job's incident to open (its attempts ran out) or to close (retried, resolved, or its token went
 * away), written with the instance in the same statement.
 *
 * @param id the new incident's id, for an incident to open
 * @param message the handler's last error, for an incident to open
 * @param attempts how many attempts failed, for an incident to open
 */
public record IncidentChange(UUID instanceId, UUID id, String jobId, boolean open, String nodeId, String message, int attempts) {

    static IncidentChange opened(UUID instanceId, String jobId, String nodeId, String message, int attempts) {
        return new IncidentChange(instanceId, UUID.randomUUID(), jobId, true, nodeId, message, attempts);
    }

    static IncidentChange closed(UUID instanceId, String jobId) {
        return new IncidentChange(instanceId, null, jobId, false, null, null, 0);
    }

    /** The incident row this change opens, as a view lists it. */
    public IncidentRecord record(java.time.Instant now) {
        IncidentRecord record = new IncidentRecord();
        record.instanceId = instanceId;
        record.id = id;
        record.type = JOB_FAILED;
        record.message = message;
        record.nodeIds = FerryJson.mapper().createArrayNode().add(nodeId).toString();
        record.jobId = jobId;
        record.createdAt = now;
        return record;
    }

    /** The type of a failed job's incident. */
    public static final String JOB_FAILED = "JOB_FAILED";
}
