package io.ferry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.input.ClientDocument;

/** Body of {@code POST /instances/{id}/tasks/{taskId}/complete}: data the task adds to the instance. */
public record CompleteTaskRequest(ObjectNode variables) {

    public CompleteTaskRequest {
        ClientDocument.require("variables", variables);
    }
}
