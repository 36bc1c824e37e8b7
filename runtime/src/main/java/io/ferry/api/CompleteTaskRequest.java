package io.ferry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Body of {@code POST /instances/{id}/tasks/{taskId}/complete}: data the task adds to the instance. */
public record CompleteTaskRequest(ObjectNode variables) {
}
