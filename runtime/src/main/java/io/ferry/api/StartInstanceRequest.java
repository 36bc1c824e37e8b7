package io.ferry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Body of {@code POST /processes/{processId}/instances}.
 *
 * @param variables the initial process data (any JSON object; fields Ferry does not know are kept)
 * @param businessKey the caller's own id for the instance, searchable with {@code GET /instances?businessKey=}
 */
public record StartInstanceRequest(ObjectNode variables, String businessKey) {
}
