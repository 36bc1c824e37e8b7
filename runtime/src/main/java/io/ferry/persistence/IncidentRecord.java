package io.ferry.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code ferry_incident}: something an operator must look at. Kept apart from the
 * snapshot so that recording an incident never touches the instance's stored state.
 */
public class IncidentRecord {

    public UUID instanceId;
    public UUID id;
    public String type;
    public String message;
    /** The node ids concerned, as the text of a JSON array (the column is text). */
    public String nodeIds;
    /** The failed job's id (its token's), for a job's incident; null for a blocked migration. */
    public String jobId;
    public Instant createdAt;
    public Instant resolvedAt;
}
