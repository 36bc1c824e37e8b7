package io.ferry.execution.gateways;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.execution.Refusal;
import io.ferry.execution.lifecycle.FlowChoice;
import io.ferry.execution.lifecycle.Run;
import io.ferry.state.Token;
import java.util.List;
import java.util.Optional;

/** What joining gateways share: letting the joined tokens go on as one. */
final class Joins {

    private Joins() {
    }

    /**
     * Consumes the joined tokens and leaves the gateway once, as the latest of them, naming all of
     * them in {@code NodeCompleted}'s {@code joinedTokens}.
     */
    static Optional<Refusal> release(Node gateway, List<Token> joined, Run run, FlowChoice choice) {
        return choice.then(flows -> {
            run.consume(joined);
            Token latest = joined.get(joined.size() - 1);
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            ArrayNode ids = data.putArray("joinedTokens");
            joined.forEach(token -> ids.add(token.id()));
            return run.leave(gateway, latest.id(), latest.scopeId(), flows, data);
        });
    }
}
