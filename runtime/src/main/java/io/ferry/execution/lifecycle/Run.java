package io.ferry.execution.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.execution.Effect;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.OperationContext;
import io.ferry.execution.Outcome;
import io.ferry.execution.Refusal;
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
import java.util.function.Function;

/**
 * The working copy of one instance during one operation, and the moves processors make on it.
 * It starts from copies of the stored state, so a refused operation leaves that state untouched;
 * every change is recorded as an event. Only the engine and its processors use it.
 */
public final class Run {

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
    private final Function<Node, ContainerProcessor> containers;
    private InstanceStatus status;
    private long lastIdNumber;
    private int steps;

    private Run(ExecutableProcess process, OperationContext context, InstanceState state,
            Function<Node, ContainerProcessor> containers) {
        this.process = process;
        this.containers = containers;
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

    /** @param containers the container of a scope's element (null: the process), told when a path in it ends */
    public static Run of(ExecutableProcess process, OperationContext context, InstanceState state,
            Function<Node, ContainerProcessor> containers) {
        return new Run(process, context, state, containers);
    }

    public static Run starting(ExecutableProcess process, OperationContext context, Function<Node, ContainerProcessor> containers) {
        InstanceState empty = new InstanceState(process.id(), process.version(), InstanceStatus.ACTIVE,
                List.of(), List.of(), JsonNodeFactory.instance.objectNode(), 0);
        return new Run(process, context, empty, containers);
    }

    public ExecutableProcess process() {
        return process;
    }

    public String instanceId() {
        return context.instanceId();
    }

    /** The operation's moment: timers armed now count from it. */
    public Instant now() {
        return context.now();
    }

    public ObjectNode variables() {
        return variables;
    }

    public OutgoingFlows outgoingFlows() {
        return outgoingFlows;
    }

    public void mergeVariables(ObjectNode topLevelFields) {
        variables.setAll(topLevelFields.deepCopy());
    }

    // --- history

    public void record(String type, String nodeId, String tokenId) {
        record(type, nodeId, tokenId, JsonNodeFactory.instance.objectNode());
    }

    public void record(String type, String nodeId, String tokenId, ObjectNode data) {
        events.add(new EngineEvent(type, nodeId, tokenId, data));
    }

    public int eventCount() {
        return events.size();
    }

    public List<EngineEvent> events() {
        return events;
    }

    // --- tokens in motion

    /** Puts a new token in motion towards a node; it joins the end of the queue. */
    public MovingToken arrive(String nodeId, String scopeId) {
        MovingToken token = new MovingToken("t" + nextIdNumber(), nodeId, scopeId);
        inMotion.add(token);
        return token;
    }

    public Optional<MovingToken> nextInMotion() {
        return Optional.ofNullable(inMotion.poll());
    }

    public List<MovingToken> inMotion() {
        return List.copyOf(inMotion);
    }

    /** Counts one step against the operation's limit and returns how many were taken. */
    public int takeStep() {
        return ++steps;
    }

    // --- tokens at rest

    public List<Token> resting() {
        return List.copyOf(resting);
    }

    public void rest(MovingToken token, TokenState state) {
        rest(token, state, List.of());
    }

    /** Keeps the token at its node with the timers armed for it. */
    public void rest(MovingToken token, TokenState state, List<Timer> timers) {
        resting.add(token.rest(state, timers));
    }

    /** Keeps the token at its element with what it waits for: timers, a job, subscriptions (any may be none). */
    public void rest(MovingToken token, TokenState state, List<Timer> timers, Job job, List<Subscription> subscriptions) {
        resting.add(token.rest(state, timers, job, subscriptions));
    }

    /**
     * Wakes a resting token for an event that happened: a token at an event-based gateway leaves the
     * gateway and enters the event's node, which the caller then leaves.
     */
    public MovingToken wakeAt(Token token, Node event) {
        MovingToken moving = wake(token);
        if (token.state() != TokenState.EVENTS) {
            return moving;
        }
        record(EngineEvent.NODE_COMPLETED, token.nodeId(), token.id());
        record(EngineEvent.NODE_ENTERED, event.id(), token.id());
        return new MovingToken(token.id(), event.id(), token.scopeId());
    }

    /** Replaces a resting token by a changed copy of it (a timer of it re-armed or dropped), in place. */
    public void replace(Token token, Token changed) {
        resting.set(resting.indexOf(token), changed);
    }

    /** Takes a resting token out without moving it on: it was terminated, or its scope completed. */
    public void remove(Token token) {
        resting.remove(token);
    }

    /** The resting token a timer is armed for, if any. */
    public Optional<Token> holderOf(String timerId) {
        return resting.stream().filter(token -> token.timers().stream().anyMatch(timer -> timer.id().equals(timerId))).findFirst();
    }

    /** The resting token whose job this is (a job's id is its token's id). */
    public Optional<Token> jobHolder(String jobId) {
        return resting.stream().filter(token -> token.job() != null && token.id().equals(jobId)).findFirst();
    }

    /** The resting token a subscription is open for, if any. */
    public Optional<Token> subscriberOf(String subscriptionId) {
        return resting.stream()
                .filter(token -> token.subscriptions().stream().anyMatch(subscription -> subscription.id().equals(subscriptionId)))
                .findFirst();
    }

    /** A new id for a subscription, unique within the instance like token and scope ids. */
    public String newSubscriptionId() {
        return "sub" + nextIdNumber();
    }

    /** A new id for a timer, unique within the instance like token and scope ids. */
    public String newTimerId() {
        return "timer" + nextIdNumber();
    }

    /** Takes a resting token back into motion, e.g. when its task is completed. */
    public MovingToken wake(Token token) {
        resting.remove(token);
        return MovingToken.from(token);
    }

    public List<Token> joiningAt(String nodeId, String scopeId) {
        return resting.stream()
                .filter(token -> token.state() == TokenState.JOINING)
                .filter(token -> token.nodeId().equals(nodeId) && Objects.equals(token.scopeId(), scopeId))
                .toList();
    }

    public void consume(List<Token> tokens) {
        resting.removeAll(tokens);
    }

    // --- leaving nodes

    /** Completes the node and sends the token on along the flows; no flow means the token ends here. */
    public Optional<Refusal> leave(Node node, String tokenId, String scopeId, List<SequenceFlow> flows) {
        return leave(node, tokenId, scopeId, flows, JsonNodeFactory.instance.objectNode());
    }

    public Optional<Refusal> leave(Node node, String tokenId, String scopeId, List<SequenceFlow> flows, ObjectNode data) {
        record(EngineEvent.NODE_COMPLETED, node.id(), tokenId, data);
        flows.forEach(flow -> arrive(flow.targetId(), scopeId));
        return flows.isEmpty() ? pathEnded(scopeId) : Optional.empty();
    }

    /** Leaves an activity or event: its true and unconditional flows, else its default flow. */
    public Optional<Refusal> leaveActivity(Node node, MovingToken token) {
        return outgoingFlows.allMet(node).then(flows -> leave(node, token.id(), token.scopeId(), flows));
    }

    // --- scopes

    /** @param tokenId the token that rests at the sub-process with its boundary events' timers and subscriptions, or null */
    public Scope openScope(Node subProcess, MovingToken token, String tokenId) {
        Scope scope = new Scope("s" + nextIdNumber(), subProcess.id(), token.scopeId(), tokenId);
        scopes.add(scope);
        return scope;
    }

    public Optional<Scope> scope(String scopeId) {
        return scopes.stream().filter(scope -> scope.id().equals(scopeId)).findFirst();
    }

    /** Takes a scope out: its sub-process completed or was terminated, with everything inside it. */
    public void removeScope(Scope scope) {
        scopes.remove(scope);
    }

    /** The scope whose sub-process the token rests at ({@link TokenState#SCOPE}), if any. */
    public Optional<Scope> scopeHeldBy(String tokenId) {
        return scopes.stream().filter(scope -> tokenId.equals(scope.tokenId())).findFirst();
    }

    /** The tokens resting directly in a scope (null: process level), not in scopes nested in it. */
    public List<Token> restingIn(String scopeId) {
        return resting.stream().filter(token -> Objects.equals(token.scopeId(), scopeId)).toList();
    }

    /** The scopes opened directly in a scope (null: process level). */
    public List<Scope> scopesIn(String scopeId) {
        return scopes.stream().filter(scope -> Objects.equals(scope.parentScopeId(), scopeId)).toList();
    }

    /** Drops the tokens in motion directly in a scope: they had not entered their node yet. */
    public void dropInMotionIn(String scopeId) {
        inMotion.removeIf(token -> Objects.equals(token.scopeId(), scopeId));
    }

    /** Whether anything still runs in a scope: a token, resting or in motion, or a nested scope. */
    public boolean hasChildren(String scopeId) {
        return resting.stream().anyMatch(token -> scopeId.equals(token.scopeId()))
                || inMotion.stream().anyMatch(token -> scopeId.equals(token.scopeId()))
                || scopes.stream().anyMatch(scope -> scopeId.equals(scope.parentScopeId()));
    }

    /** A path in a scope ended (a token left along no flow): its container decides what follows. */
    public Optional<Refusal> pathEnded(String scopeId) {
        Scope scope = scopeId == null ? null : scope(scopeId).orElseThrow();
        return containerOf(scopeId).onChildPathEnded(scope, this);
    }

    /** The container of a scope (null: the process). */
    public ContainerProcessor containerOf(String scopeId) {
        return containers.apply(scopeId == null ? null : process.node(scope(scopeId).orElseThrow().nodeId()));
    }

    // --- the instance

    public InstanceStatus status() {
        return status;
    }

    /** Whether nothing runs in the instance any more: no token, resting or in motion, and no scope. */
    public boolean nothingLeft() {
        return resting.isEmpty() && inMotion.isEmpty() && scopes.isEmpty();
    }

    /** Ends the instance, which must hold nothing any more (everything in it completed or was terminated). */
    public void finish(InstanceStatus finalStatus, String eventType, ObjectNode data) {
        if (!nothingLeft()) {
            throw new IllegalStateException("instance " + instanceId() + " still holds " + activeNodeIds() + "; terminate them first");
        }
        status = finalStatus;
        record(eventType, null, null, data);
    }

    public List<String> activeNodeIds() {
        List<String> active = new ArrayList<>();
        scopes.forEach(scope -> active.add(scope.nodeId()));
        resting.forEach(token -> active.add(token.nodeId()));
        return process.definition().nodes().stream().map(Node::id).filter(active::contains).toList();
    }

    public InstanceState toState() {
        return new InstanceState(process.id(), process.version(), status, resting, scopes, variables, lastIdNumber);
    }

    public Outcome.Advanced outcome() {
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
