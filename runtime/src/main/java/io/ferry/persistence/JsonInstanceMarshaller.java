package io.ferry.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.state.InstanceState;
import jakarta.enterprise.context.ApplicationScoped;

/** The snapshot as JSON: records map to objects, variables stay the JSON document they are. */
@ApplicationScoped
public class JsonInstanceMarshaller implements InstanceMarshaller {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public LoadedInstance unmarshal(InstanceRecord record) {
        try {
            return new LoadedInstance(json.treeToValue(record.state, InstanceState.class), MigrationOnLoad.NOT_NEEDED);
        } catch (Exception e) {
            throw new IllegalStateException("Instance " + record.id + " has a snapshot Ferry cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public JsonNode marshal(InstanceState state) {
        return json.valueToTree(state);
    }
}
