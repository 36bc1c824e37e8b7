package io.ferry.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a handler knows about the task it runs for.
 *
 * @param idempotencyKey the same each time this task activation is attempted, different for every
 *     other activation (also of the same node); pass it to the systems you call so a retry does no harm
 * @param variables a copy of the instance variables; changing it changes nothing, return outputs instead
 * @param attempt which attempt this is, from 1: a handler called again after a failure, or after a
 *     pod running it died, sees the same idempotency key with a later attempt (or, after a pod died,
 *     the same attempt again)
 */
public record ServiceTaskContext(
        String instanceId,
        String processId,
        String nodeId,
        String tokenId,
        String idempotencyKey,
        JsonNode variables,
        int attempt) {
}
