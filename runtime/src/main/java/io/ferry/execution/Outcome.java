package io.ferry.execution;

import io.ferry.state.InstanceState;
import java.util.List;

/** What an engine operation gives back: the advanced instance, or why nothing happened. */
public sealed interface Outcome {

    /**
     * The operation went through.
     *
     * @param state the new snapshot to store
     * @param events the history events to append, in the order they happened
     * @param effects the timers to arm or drop with the state, in the same transaction
     */
    record Advanced(InstanceState state, List<EngineEvent> events, List<Effect> effects) implements Outcome {

        public Advanced {
            events = List.copyOf(events);
            effects = List.copyOf(effects);
        }
    }

    /** The operation was refused as a whole: the instance stays exactly as it was. */
    record Refused(Refusal refusal) implements Outcome {
    }
}
