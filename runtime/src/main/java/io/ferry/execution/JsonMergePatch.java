package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** RFC 7386 JSON merge patch: null removes a field, objects merge, anything else replaces. */
final class JsonMergePatch {

    private JsonMergePatch() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject()) {
                // A patch object replaces a non-object field by an object, still dropping its nulls.
                JsonNode existing = target.get(field.getKey());
                ObjectNode merged = existing instanceof ObjectNode object ? object : target.objectNode();
                apply(merged, (ObjectNode) value);
                target.set(field.getKey(), merged);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }
}
