package io.ferry.execution.lifecycle;

import io.ferry.state.Job;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.List;

/** A token in motion inside one operation: it has arrived at a node that has not dealt with it yet. */
public record MovingToken(String id, String nodeId, String scopeId) {

    public static MovingToken from(Token resting) {
        return new MovingToken(resting.id(), resting.nodeId(), resting.scopeId());
    }

    public Token rest(TokenState state, List<Timer> timers) {
        return new Token(id, nodeId, scopeId, state, timers);
    }

    public Token rest(TokenState state, List<Timer> timers, Job job, List<Subscription> subscriptions) {
        return new Token(id, nodeId, scopeId, state, timers, job, subscriptions);
    }
}
