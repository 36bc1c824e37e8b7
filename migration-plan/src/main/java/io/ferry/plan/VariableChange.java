package io.ferry.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change a plan makes to an instance's variables when it moves to the plan's target version.
 * A plan's changes run in this order: renames, then defaults, then removals.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "change")
@JsonSubTypes({
    @JsonSubTypes.Type(value = VariableChange.Rename.class, name = "rename"),
    @JsonSubTypes.Type(value = VariableChange.SetDefault.class, name = "default"),
    @JsonSubTypes.Type(value = VariableChange.Remove.class, name = "remove")
})
public sealed interface VariableChange {

    /**
     * Changes the given variables in place, adding, moving or dropping top-level fields only: the
     * caller hands in its own copy of the top level and may share the nested values.
     */
    void applyTo(ObjectNode variables);

    /** Moves the value of {@code from} to {@code to}, replacing any value {@code to} had. Nothing when {@code from} is absent. */
    record Rename(String from, String to) implements VariableChange {
        @Override
        public void applyTo(ObjectNode variables) {
            JsonNode value = variables.remove(from);
            if (value != null) {
                variables.set(to, value);
            }
        }
    }

    /** Sets {@code name} to {@code value} when the instance has no such variable or it is null. */
    record SetDefault(String name, JsonNode value) implements VariableChange {
        @Override
        public void applyTo(ObjectNode variables) {
            JsonNode current = variables.get(name);
            if (current == null || current.isNull()) {
                variables.set(name, value.deepCopy());
            }
        }
    }

    /** Drops the variable {@code name}, if the instance has it. */
    record Remove(String name) implements VariableChange {
        @Override
        public void applyTo(ObjectNode variables) {
            variables.remove(name);
        }
    }
}
