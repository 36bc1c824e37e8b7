package io.ferry.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.input.ClientDocument;
import io.ferry.input.ClientField;
import io.ferry.input.ClientText;
import io.ferry.input.InputLimits;

/**
 * Body of {@code POST /processes/{processId}/instances}. It cannot hold what Ferry could not store
 * exactly: the constructor refuses it with a problem naming the field.
 *
 * @param variables the initial process data (any JSON object; fields Ferry does not know are kept)
 * @param businessKey the caller's own id for the instance, searchable with {@code GET /instances?businessKey=}
 */
public record StartInstanceRequest(ObjectNode variables, String businessKey) {

    public StartInstanceRequest {
        ClientDocument.require("variables", variables);
        if (businessKey != null) {
            ClientText.require(ClientField.body("businessKey"), businessKey, InputLimits.BUSINESS_KEY);
        }
    }
}
