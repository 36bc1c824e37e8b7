package io.ferry.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.state.InstanceState;

/**
 * Turns a stored snapshot into the engine's state and back. Every load goes through this
 * interface, so decorators (migration) see each instance's state as it is unmarshalled for its
 * next operation.
 */
public interface InstanceMarshaller {

    LoadedInstance unmarshal(InstanceRecord record);

    JsonNode marshal(InstanceState state);
}
