package io.ferry.persistence;

import java.util.UUID;

/**
 * A job's incident to open (its attempts ran out) or to close (retried, resolved, or its token went
 * away), written with the instance in the same statement.
 *
 * @param message the handler's last error, for an incident to open
 * @param attempts how many attempts failed, for an incident to open
 */
public record IncidentChange(UUID instanceId, String jobId, boolean open, String nodeId, String message, int attempts) {

    static IncidentChange opened(UUID instanceId, String jobId, String nodeId, String message, int attempts) {
        return new IncidentChange(instanceId, jobId, true, nodeId, message, attempts);
    }

    static IncidentChange closed(UUID instanceId, String jobId) {
        return new IncidentChange(instanceId, jobId, false, null, null, 0);
    }
}
