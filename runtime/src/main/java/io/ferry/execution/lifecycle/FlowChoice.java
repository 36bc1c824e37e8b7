package io.ferry.execution.lifecycle;

import io.ferry.execution.Refusal;

import io.ferry.definition.SequenceFlow;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The outgoing flows a node takes, or why none could be chosen. */
public record FlowChoice(List<SequenceFlow> flows, Refusal refusal) {

    static FlowChoice take(List<SequenceFlow> flows) {
        return new FlowChoice(List.copyOf(flows), null);
    }

    static FlowChoice refuse(Refusal refusal) {
        return new FlowChoice(List.of(), refusal);
    }

    /** Leaves along the chosen flows, or passes the refusal on. */
    public Optional<Refusal> then(Function<List<SequenceFlow>, Optional<Refusal>> leave) {
        return refusal != null ? Optional.of(refusal) : leave.apply(flows);
    }
}
