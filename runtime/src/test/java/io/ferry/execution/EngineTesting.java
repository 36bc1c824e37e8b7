package io.ferry.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.state.InstanceState;
import java.time.Instant;
import java.util.List;

/** Shared givens and readers for engine tests. */
final class EngineTesting {

    /** The moment every test operation happens at, unless a test moves on in time with {@link #at}. */
    static final Instant NOW = Instant.parse("2027-01-04T09:00:00Z");
    static final OperationContext CONTEXT = at(NOW);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineTesting() {
    }

    static OperationContext at(Instant now) {
        return new OperationContext("i-1", now);
    }

    static ProcessEngine engine() {
        return new ProcessEngine();
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ObjectNode noVariables() {
        return JSON.createObjectNode();
    }

    static Outcome.Advanced advanced(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Advanced.class);
        return (Outcome.Advanced) outcome;
    }

    static Refusal refusal(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused) outcome).refusal();
    }

    static InstanceState stateAfter(Outcome outcome) {
        return advanced(outcome).state();
    }

    /** The history as "Type node" lines, e.g. "NodeEntered approve"; instance-wide events are just "Type". */
    static List<String> history(Outcome outcome) {
        return advanced(outcome).events().stream()
                .map(event -> event.nodeId() == null ? event.type() : event.type() + " " + event.nodeId())
                .toList();
    }

    /** The same with token ids: "NodeEntered approve t2". */
    static List<String> historyWithTokens(Outcome outcome) {
        return advanced(outcome).events().stream()
                .map(event -> event.nodeId() == null ? event.type() : event.type() + " " + event.nodeId() + " " + event.tokenId())
                .toList();
    }
}
