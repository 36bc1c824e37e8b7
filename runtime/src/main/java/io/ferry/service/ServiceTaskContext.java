package io.ferry.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a handler knows about the task it runs for.
 *
 * @param idempotencyKey the same each time this task activation is attempted, different for every
 *     other activation (also of the same node); pass it to the systems you call so a retry does no harm
 * @param variables a copy of the instance variables; changing it changes nothing, return outputs instead
 */
public record ServiceTaskContext(
        String instanceId,
        String processId,
        String nodeId,
        String tokenId,
        String idempotencyKey,
        JsonNode variables) {
}
