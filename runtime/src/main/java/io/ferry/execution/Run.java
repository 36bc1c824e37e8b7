package io.ferry.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.SequenceFlow;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Job;
import io.ferry.state.Scope;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The working copy of one instance during one operation, and the moves processors make on it.
 * It starts from copies of the stored state, so a refused operation leaves that state untouched;
 * every change is recorded as an event.
 */
final class Run {

    private final ExecutableProcess process;
    private final OperationContext context;
    private final ObjectNode variables;
    private final List<Token> resting;
    private final List<Scope> scopes;
    private final Deque<MovingToken> inMotion = new ArrayDeque<>();
    private final List<EngineEvent> events = new ArrayList<>();
    private final OutgoingFlows outgoingFlows;
    private final Map<String, Timer> timersBefore;
    private final Map<String, Job> jobsBefore;
    private final Map<String, Subscription> subscriptionsBefore;
    private InstanceStatus status;
    private long lastIdNumber;
    private int steps;

    private Run(ExecutableProcess process, OperationContext context, InstanceState state) {
        this.process = process;
        this.context = context;
        this.variables = state.variables() == null ? JsonNodeFactory.instance.objectNode() : state.variables().deepCopy();
        this.resting = new ArrayList<>(state.tokens());
        this.scopes = new ArrayList<>(state.scopes());
        this.status = state.status();
        this.lastIdNumber = state.lastIdNumber();
        this.outgoingFlows = new OutgoingFlows(process, variables, context.instanceId());
        this.timersBefore = timersOf(state.tokens());
        this.jobsBefore = jobsOf(state.tokens());
        this.subscriptionsBefore = subscriptionsOf(state.tokens());
    }

    static Run of(ExecutableProcess process, OperationContext context, InstanceState state) {
        return new Run(process, context, state);
    }

    static Run starting(ExecutableProcess process, OperationContext context) {
        InstanceState empty = new InstanceState(process.id(), process.version(), InstanceStatus.ACTIVE,
                List.of(), List.of(), JsonNodeFactory.instance.objectNode(), 0);
        return new Run(process, context, empty);
    }

    ExecutableProcess process() {
        return process;
    }

    String instanceId() {
        return context.instanceId();
    }

    /** The operation's moment: timers armed now count from it. */
    Instant now() {
        return context.now();
    }

    ObjectNode variables() {
        return variables;
    }

    OutgoingFlows outgoingFlows() {
        return outgoingFlows;
    }

    void mergeVariables(ObjectNode topLevelFields) {
        variables.setAll(topLevelFields.deepCopy());
    }

    // --- history

    void record(String type, String nodeId, String tokenId) {
        record(type, nodeId, tokenId, JsonNodeFactory.instance.objectNode());
    }

    void record(String type, String nodeId, String tokenId, ObjectNode data) {
        events.add(new EngineEvent(type, nodeId, tokenId, data));
    }

    int eventCount() {
        return events.size();
    }

    List<EngineEvent> events() {
        return events;
    }

    // --- tokens in motion

    /** Puts a new token in motion towards a node; it joins the end of the queue. */
    MovingToken arrive(String nodeId, String scopeId) {
        MovingToken token = new MovingToken("t" + nextIdNumber(), nodeId, scopeId);
        inMotion.add(token);
        return token;
    }

    Optional<MovingToken> nextInMotion() {
        return Optional.ofNullable(inMotion.poll());
    }

    List<MovingToken> inMotion() {
        return List.copyOf(inMotion);
    }

    /** Counts one step against the operation's limit and returns how many were taken. */
    int takeStep() {
        return ++steps;
    }

    // --- tokens at rest

    List<Token> resting() {
        return List.copyOf(resting);
    }

    void rest(MovingToken token, TokenState state) {
        rest(token, state, List.of());
    }

    /** Keeps the token at its node with the timers armed for it. */
    void rest(MovingToken token, TokenState state, List<Timer> timers) {
        resting.add(token.rest(state, timers));
    }

    /** Keeps the token at an activity with what it waits for: its boundary events' timers and subscriptions, its job. */
    void rest(MovingToken token, TokenState state, Timers.Boundaries boundaries, Job job) {
        resting.add(token.rest(state, boundaries.timers(), job, boundaries.subscriptions()));
    }

    /** Keeps the token at an event-based gateway with the timers and subscriptions of the events after it. */
    void restAtGateway(MovingToken token, List<Timer> timers, List<Subscription> subscriptions) {
        resting.add(token.rest(TokenState.EVENTS, timers, null, subscriptions));
    }

    /**
     * Wakes a resting token for an event that happened: a token at an event-based gateway leaves the
     * gateway and enters the event's node, which the caller then leaves.
     */
    MovingToken wakeAt(Token token, Node event) {
        MovingToken moving = wake(token);
        if (token.state() != TokenState.EVENTS) {
            return moving;
        }
        record(EngineEvent.NODE_COMPLETED, token.nodeId(), token.id());
        record(EngineEvent.NODE_ENTERED, event.id(), token.id());
        return new MovingToken(token.id(), event.id(), token.scopeId());
    }

    /** Keeps the token at a message catch event or receive task with its subscriptions and timers. */
    void restForMessage(MovingToken token, List<Timer> timers, List<Subscription> subscriptions) {
        resting.add(token.rest(TokenState.MESSAGE, timers, null, subscriptions));
    }

    /** Replaces a resting token by a changed copy of it (a timer of it re-armed or dropped), in place. */
    void replace(Token token, Token changed) {
        resting.set(resting.indexOf(token), changed);
    }

    /** Puts a token taken out back to rest, changed (a job with an incident). */
    void restore(Token token) {
        resting.add(token);
    }

    /** Takes a resting token out without moving it on: its activity was interrupted. */
    void remove(Token token) {
        resting.remove(token);
    }

    /** The resting token a timer is armed for, if any. */
    Optional<Token> holderOf(String timerId) {
        return resting.stream().filter(token -> token.timers().stream().anyMatch(timer -> timer.id().equals(timerId))).findFirst();
    }

    /** The resting token whose job this is (a job's id is its token's id). */
    Optional<Token> jobHolder(String jobId) {
        return resting.stream().filter(token -> token.job() != null && token.id().equals(jobId)).findFirst();
    }

    /** The resting token a subscription is open for, if any. */
    Optional<Token> subscriberOf(String subscriptionId) {
        return resting.stream()
                .filter(token -> token.subscriptions().stream().anyMatch(subscription -> subscription.id().equals(subscriptionId)))
                .findFirst();
    }

    /** A new id for a subscription, unique within the instance like token and scope ids. */
    String newSubscriptionId() {
        return "sub" + nextIdNumber();
    }

    /** A new id for a timer, unique within the instance like token and scope ids. */
    String newTimerId() {
        return "timer" + nextIdNumber();
    }

    /** Takes a resting token back into motion, e.g. when its task is completed. */
    MovingToken wake(Token token) {
        resting.remove(token);
        return MovingToken.from(token);
    }

    List<Token> joiningAt(String nodeId, String scopeId) {
        return resting.stream()
                .filter(token -> token.state() == TokenState.JOINING)
                .filter(token -> token.nodeId().equals(nodeId) && Objects.equals(token.scopeId(), scopeId))
                .toList();
    }

    void consume(List<Token> tokens) {
        resting.removeAll(tokens);
    }

    // --- leaving nodes

    /** Completes the node and sends the token on along the flows; no flow means the token ends here. */
    Optional<Refusal> leave(Node node, String tokenId, String scopeId, List<SequenceFlow> flows) {
        return leave(node, tokenId, scopeId, flows, JsonNodeFactory.instance.objectNode());
    }

    Optional<Refusal> leave(Node node, String tokenId, String scopeId, List<SequenceFlow> flows, ObjectNode data) {
        record(EngineEvent.NODE_COMPLETED, node.id(), tokenId, data);
        flows.forEach(flow -> arrive(flow.targetId(), scopeId));
        return flows.isEmpty() ? completeScopeIfEmpty(scopeId) : Optional.empty();
    }

    /** Leaves an activity or event: its true and unconditional flows, else its default flow. */
    Optional<Refusal> leaveActivity(Node node, MovingToken token) {
        return outgoingFlows.allMet(node).then(flows -> leave(node, token.id(), token.scopeId(), flows));
    }

    // --- scopes

    /** @param tokenId the token that rests at the sub-process with its boundary events' timers and subscriptions, or null */
    Scope openScope(Node subProcess, MovingToken token, String tokenId) {
        Scope scope = new Scope("s" + nextIdNumber(), subProcess.id(), token.scopeId(), tokenId);
        scopes.add(scope);
        return scope;
    }

    Optional<Scope> scope(String scopeId) {
        return scopes.stream().filter(scope -> scope.id().equals(scopeId)).findFirst();
    }

    /** Ends every token and nested scope inside the scope; the scope itself stays until it is completed. */
    void clearScope(String scopeId) {
        resting.removeIf(token -> isWithin(token.scopeId(), scopeId));
        inMotion.removeIf(token -> isWithin(token.scopeId(), scopeId));
        List<Scope> nested = scopes.stream()
                .filter(scope -> !scope.id().equals(scopeId) && isWithin(scope.id(), scopeId))
                .toList();
        scopes.removeAll(nested);
    }

    /**
     * Ends a scope at once with everything inside it, and the token resting at its sub-process: it was interrupted
     * by {@code by}, which each token resting inside it records ({@code NodeTerminated}), so that a client completing
     * one of its tasks later learns what ended it.
     */
    void dropScope(String scopeId, Node by) {
        terminateWithin(scopeId, by);
        clearScope(scopeId);
        scope(scopeId).map(Scope::tokenId).ifPresent(this::removeScopeToken);
        scopes.removeIf(scope -> scope.id().equals(scopeId));
    }

    /**
     * Ends the activity a token rests at because an interrupting boundary event fired: a task, or a sub-process
     * with everything inside it.
     */
    void interrupt(Token token, Node boundary) {
        if (token.state() == TokenState.SCOPE) {
            scopes.stream().filter(scope -> token.id().equals(scope.tokenId())).findFirst()
                    .ifPresent(scope -> dropScope(scope.id(), boundary));
        }
        remove(token);
        record(EngineEvent.NODE_TERMINATED, token.nodeId(), token.id(), JsonNodeFactory.instance.objectNode().put("by", boundary.id()));
    }

    private void terminateWithin(String scopeId, Node by) {
        resting.stream().filter(token -> isWithin(token.scopeId(), scopeId)).toList()
                .forEach(token -> record(EngineEvent.NODE_TERMINATED, token.nodeId(), token.id(),
                        JsonNodeFactory.instance.objectNode().put("by", by.id())));
    }

    private void removeScopeToken(String tokenId) {
        resting.removeIf(token -> token.id().equals(tokenId));
    }

    /** Once a scope has no tokens and no nested scope left, its sub-process completes and is left. */
    Optional<Refusal> completeScopeIfEmpty(String scopeId) {
        if (scopeId == null || hasTokensIn(scopeId) || scopes.stream().anyMatch(s -> scopeId.equals(s.parentScopeId()))) {
            return Optional.empty();
        }
        Scope scope = scope(scopeId).orElseThrow();
        scopes.remove(scope);
        if (scope.tokenId() != null) {
            removeScopeToken(scope.tokenId()); // its boundary events' timers and subscriptions end with it
        }
        Node subProcess = process.node(scope.nodeId());
        return outgoingFlows.allMet(subProcess)
                .then(flows -> leave(subProcess, scope.id(), scope.parentScopeId(), flows));
    }

    /** Whether a scope (or null for process level) is the given scope or lies inside it. */
    boolean isWithin(String scopeId, String outerScopeId) {
        String current = scopeId;
        while (current != null) {
            if (current.equals(outerScopeId)) {
                return true;
            }
            current = scope(current).map(Scope::parentScopeId).orElse(null);
        }
        return false;
    }

    private boolean hasTokensIn(String scopeId) {
        return resting.stream().anyMatch(token -> scopeId.equals(token.scopeId()))
                || inMotion.stream().anyMatch(token -> scopeId.equals(token.scopeId()));
    }

    // --- the instance

    InstanceStatus status() {
        return status;
    }

    /** Ends the instance at once: every token and scope is removed. */
    void end(InstanceStatus finalStatus, String eventType, ObjectNode data) {
        resting.clear();
        inMotion.clear();
        scopes.clear();
        status = finalStatus;
        record(eventType, null, null, data);
    }

    void completeIfNothingLeft() {
        if (status == InstanceStatus.ACTIVE && resting.isEmpty() && inMotion.isEmpty() && scopes.isEmpty()) {
            end(InstanceStatus.COMPLETED, EngineEvent.INSTANCE_COMPLETED, JsonNodeFactory.instance.objectNode());
        }
    }

    List<String> activeNodeIds() {
        List<String> active = new ArrayList<>();
        scopes.forEach(scope -> active.add(scope.nodeId()));
        resting.forEach(token -> active.add(token.nodeId()));
        return process.definition().nodes().stream().map(Node::id).filter(active::contains).toList();
    }

    InstanceState toState() {
        return new InstanceState(process.id(), process.version(), status, resting, scopes, variables, lastIdNumber);
    }

    Outcome.Advanced outcome() {
        List<Effect> effects = new ArrayList<>(timerEffects());
        effects.addAll(jobEffects());
        effects.addAll(subscriptionEffects());
        return new Outcome.Advanced(toState(), events, effects);
    }

    /**
     * The timers to arm and drop, from what the state held before and holds now: a new or re-armed
     * timer is scheduled, one whose token went away is cancelled, wherever in the run that happened.
     */
    private List<Effect> timerEffects() {
        Map<String, Timer> timersAfter = timersOf(resting);
        if (timersBefore.isEmpty() && timersAfter.isEmpty()) {
            return List.of();
        }
        List<Effect> effects = new ArrayList<>();
        timersBefore.keySet().stream().filter(id -> !timersAfter.containsKey(id)).forEach(id -> effects.add(new Effect.CancelTimer(id)));
        timersAfter.values().stream().filter(timer -> !timer.equals(timersBefore.get(timer.id())))
                .forEach(timer -> effects.add(new Effect.ScheduleTimer(timer.id(), timer.dueAt())));
        return effects;
    }

    /**
     * The job rows and incidents to write, from the jobs before and after: a job due (new, failed
     * with attempts left, retried) is scheduled; one that is gone or has an incident is cancelled;
     * an incident opens when a job gets one and closes when the job no longer has it, however it
     * went (retried, resolved, interrupted by a boundary event, cancelled with the instance).
     */
    private List<Effect> jobEffects() {
        Map<String, Job> jobsAfter = jobsOf(resting);
        if (jobsBefore.isEmpty() && jobsAfter.isEmpty()) {
            return List.of();
        }
        List<Effect> effects = new ArrayList<>();
        jobsBefore.forEach((id, before) -> {
            Job after = jobsAfter.get(id);
            if (after == null && !before.incident()) {
                effects.add(new Effect.CancelJob(id));
            }
            if (before.incident() && (after == null || !after.incident())) {
                effects.add(new Effect.CloseIncident(id));
            }
        });
        jobsAfter.forEach((id, after) -> {
            Job before = jobsBefore.get(id);
            if (after.equals(before)) {
                return;
            }
            if (after.incident()) {
                if (before == null || !before.incident()) {
                    effects.add(new Effect.CancelJob(id));
                    effects.add(new Effect.OpenIncident(id, nodeOf(id), after.lastError(), after.attempts()));
                }
            } else {
                effects.add(new Effect.ScheduleJob(id, after.dueAt()));
            }
        });
        return effects;
    }

    /** The subscriptions to open and close, from what the state held before and holds now. */
    private List<Effect> subscriptionEffects() {
        Map<String, Subscription> after = subscriptionsOf(resting);
        if (subscriptionsBefore.isEmpty() && after.isEmpty()) {
            return List.of();
        }
        List<Effect> effects = new ArrayList<>();
        subscriptionsBefore.keySet().stream().filter(id -> !after.containsKey(id))
                .forEach(id -> effects.add(new Effect.CloseSubscription(id)));
        after.values().stream().filter(subscription -> !subscriptionsBefore.containsKey(subscription.id()))
                .forEach(subscription -> effects.add(new Effect.OpenSubscription(subscription.id(), subscription.messageName(),
                        subscription.correlationKey())));
        return effects;
    }

    private static Map<String, Subscription> subscriptionsOf(List<Token> tokens) {
        Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        for (Token token : tokens) {
            token.subscriptions().forEach(subscription -> subscriptions.put(subscription.id(), subscription));
        }
        return subscriptions;
    }

    private String nodeOf(String tokenId) {
        return resting.stream().filter(token -> token.id().equals(tokenId)).findFirst().orElseThrow().nodeId();
    }

    private static Map<String, Job> jobsOf(List<Token> tokens) {
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (Token token : tokens) {
            if (token.job() != null) {
                jobs.put(token.id(), token.job());
            }
        }
        return jobs;
    }

    private static Map<String, Timer> timersOf(List<Token> tokens) {
        Map<String, Timer> timers = new LinkedHashMap<>();
        for (Token token : tokens) {
            token.timers().forEach(timer -> timers.put(timer.id(), timer));
        }
        return timers;
    }

    private long nextIdNumber() {
        return ++lastIdNumber;
    }
}
