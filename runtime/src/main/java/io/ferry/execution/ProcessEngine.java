package io.ferry.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.TimerDefinition;
import io.ferry.definition.TimerSchedule;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Advances process instances. Pure: {@link #apply} takes a definition, a state and a command, and
 * gives back the new state with the history events it caused and the effects (timers) to write
 * with it (timers, jobs, incidents), or a refusal that leaves the state as it was. Its only clock is
 * the operation's moment, and it calls nothing outside itself: a service task's handler runs in a
 * worker, which reports back with a command. It runs the instance to completion within the
 * operation: tokens in motion are handled first in, first out until every token rests at a user
 * task, service task (its job), timer or joining gateway, or none is left. Persistence, transactions and retries are the caller's business.
 */
public final class ProcessEngine {

    /** Steps (arrivals at a node) one operation may take before it is refused as an endless loop. */
    public static final int DEFAULT_STEP_LIMIT = 10_000;

    private final int stepLimit;
    private final NodeProcessor passThrough = new PassThroughProcessor();
    private final NodeProcessor endEvent = new EndEventProcessor();
    private final NodeProcessor terminateEndEvent = new TerminateEndEventProcessor();
    private final UserTaskProcessor userTask = new UserTaskProcessor();
    private final ServiceTaskProcessor serviceTask;
    private final NodeProcessor exclusiveGateway = new ExclusiveGatewayProcessor();
    private final NodeProcessor parallelGateway = new ParallelGatewayProcessor();
    private final NodeProcessor inclusiveGateway = new InclusiveGatewayProcessor();
    private final NodeProcessor subProcess = new SubProcessProcessor();
    private final NodeProcessor timerCatchEvent = new TimerCatchEventProcessor();
    private final MessageCatchProcessor messageCatch = new MessageCatchProcessor();
    private final NodeProcessor eventGateway = new EventGatewayProcessor();
    private final NodeProcessor errorEndEvent = new ErrorEndEventProcessor();

    /** An engine whose jobs retry as {@link JobPolicy#DEFAULT} says. */
    public ProcessEngine() {
        this(JobPolicy.DEFAULT, DEFAULT_STEP_LIMIT);
    }

    /** @param jobs how service tasks' jobs retry where the BPMN says nothing */
    public ProcessEngine(JobPolicy jobs, int stepLimit) {
        this.serviceTask = new ServiceTaskProcessor(Objects.requireNonNull(jobs, "jobs"));
        this.stepLimit = stepLimit;
    }

    /**
     * Applies a command to an instance: the one way into the engine.
     *
     * @param state the stored state, migrated to the process's version; null for {@link EngineCommand.Start}
     */
    public Outcome apply(ExecutableProcess process, InstanceState state, EngineCommand command, OperationContext context) {
        if (command instanceof EngineCommand.Start start) {
            if (state != null) {
                throw new IllegalArgumentException("instance " + context.instanceId() + " exists already; only a new one starts");
            }
            return start(process, start, context);
        }
        Objects.requireNonNull(state, "state");
        Optional<Refusal> refusal = refuseIfNotActive(process, state, context);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        Run run = Run.of(process, context, state);
        if (command instanceof EngineCommand.CompleteTask complete) {
            return completeTask(run, complete);
        } else if (command instanceof EngineCommand.UpdateVariables update) {
            return updateVariables(run, update);
        } else if (command instanceof EngineCommand.Cancel) {
            return cancel(run);
        } else if (command instanceof EngineCommand.FireTimer fire) {
            return fireTimer(run, fire);
        } else if (command instanceof EngineCommand.CorrelateMessage message) {
            return correlate(run, message);
        } else if (command instanceof EngineCommand.CompleteJob complete) {
            return withJob(run, complete.jobId(), false, job -> serviceTask
                    .onCompleted(job, complete.output(), EngineEvent.SERVICE_TASK_COMPLETED, run)
                    .<Outcome>map(Outcome.Refused::new).orElseGet(() -> advance(run)));
        } else if (command instanceof EngineCommand.ThrowError error) {
            return withJob(run, error.jobId(), false, job -> {
                serviceTask.onError(job, error.errorCode(), error.message() == null ? "" : error.message(), run);
                return advance(run);
            });
        } else if (command instanceof EngineCommand.FailJob fail) {
            return withJob(run, fail.jobId(), false, job -> {
                serviceTask.onFailed(job, fail.error(), run);
                return run.outcome();
            });
        } else if (command instanceof EngineCommand.RetryJob retry) {
            return withJob(run, retry.jobId(), true, job -> {
                serviceTask.onRetried(job, retry.attempts(), run);
                return run.outcome();
            });
        } else if (command instanceof EngineCommand.ResolveIncident resolve) {
            return withJob(run, resolve.jobId(), true, job -> serviceTask
                    .onCompleted(job, resolve.output(), EngineEvent.INCIDENT_RESOLVED, run)
                    .<Outcome>map(Outcome.Refused::new).orElseGet(() -> advance(run)));
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private Outcome start(ExecutableProcess process, EngineCommand.Start start, OperationContext context) {
        Run run = Run.starting(process, context);
        run.mergeVariables(start.variables());
        run.record(EngineEvent.INSTANCE_STARTED, null, null, start.variables().deepCopy());
        Node startEvent = start.startEventId() != null ? process.node(start.startEventId()) : process.startEvent(null);
        if (startEvent == null) {
            throw new IllegalArgumentException(process.definition() + " starts only by message " + process.startMessages());
        }
        run.arrive(startEvent.id(), null);
        return advance(run);
    }

    private Outcome completeTask(Run run, EngineCommand.CompleteTask complete) {
        String taskRef = complete.taskRef();
        List<Token> openTasks = run.resting().stream().filter(token -> token.state() == TokenState.USER_TASK).toList();
        Optional<Token> byId = openTasks.stream().filter(task -> task.id().equals(taskRef)).findFirst();
        List<Token> task = byId.map(List::of)
                .orElseGet(() -> openTasks.stream().filter(open -> open.nodeId().equals(taskRef)).toList());
        if (task.isEmpty()) {
            return new Outcome.Refused(Refusal.taskNotFound(run.instanceId(), taskRef, openTasks));
        }
        if (task.size() > 1) {
            return new Outcome.Refused(Refusal.taskAmbiguous(run.instanceId(), taskRef, task));
        }
        return userTask.onCompleted(task.get(0), complete.variables(), run)
                .<Outcome>map(Outcome.Refused::new)
                .orElseGet(() -> advance(run));
    }

    private Outcome updateVariables(Run run, EngineCommand.UpdateVariables update) {
        if (!(update.mergePatch() instanceof ObjectNode patch)) {
            return new Outcome.Refused(Refusal.variablesNotAnObject(run.instanceId(), update.mergePatch()));
        }
        JsonMergePatch.apply(run.variables(), patch);
        run.record(EngineEvent.VARIABLES_UPDATED, null, null, patch.deepCopy());
        return run.outcome();
    }

    private Outcome cancel(Run run) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode activeNodes = data.putArray("activeNodes");
        run.activeNodeIds().forEach(activeNodes::add);
        run.end(InstanceStatus.CANCELLED, EngineEvent.INSTANCE_CANCELLED, data);
        return run.outcome();
    }

    /**
     * A message came for an open subscription. At a catch event or receive task the token moves on. A
     * message boundary event starts a token there; an interrupting one first ends the activity, a
     * non-interrupting one keeps its subscription open for the next message.
     */
    private Outcome correlate(Run run, EngineCommand.CorrelateMessage message) {
        Optional<Token> subscriber = run.subscriberOf(message.subscriptionId());
        if (subscriber.isEmpty()) {
            return new Outcome.Refused(Refusal.subscriptionNotOpen(run.instanceId(), message.subscriptionId()));
        }
        Token token = subscriber.get();
        Subscription subscription = token.subscriptions().stream()
                .filter(open -> open.id().equals(message.subscriptionId())).findFirst().orElseThrow();
        Node node = run.process().node(subscription.nodeId());
        if (node.kind() != NodeKind.BOUNDARY_MESSAGE_EVENT) {
            return messageCatch.onMessage(token, subscription, message.variables(), run)
                    .<Outcome>map(Outcome.Refused::new).orElseGet(() -> advance(run));
        }
        run.mergeVariables(message.variables());
        run.record(EngineEvent.MESSAGE_CORRELATED, node.id(), token.id(),
                MessageCatchProcessor.correlated(subscription, message.variables()));
        if (node.details(NodeDetails.BoundaryMessage.class).interrupting()) {
            run.interrupt(token, node);
        }
        run.arrive(node.id(), token.scopeId());
        return advance(run);
    }

    /**
     * Applies a job command to the token whose job it is: a worker's report needs a job that is
     * running (no incident), an operator's needs one with an incident.
     */
    private static Outcome withJob(Run run, String jobId, boolean incident, Function<Token, Outcome> then) {
        Optional<Token> holder = run.jobHolder(jobId);
        if (holder.isEmpty()) {
            return new Outcome.Refused(Refusal.jobNotFound(run.instanceId(), jobId));
        }
        if (holder.get().job().incident() != incident) {
            return new Outcome.Refused(incident ? Refusal.jobHasNoIncident(run.instanceId(), jobId)
                    : Refusal.jobHasIncident(run.instanceId(), jobId));
        }
        return then.apply(holder.get());
    }

    /**
     * A due timer fires. At a timer catch event its token leaves the event. A boundary timer starts a
     * token at its boundary event; an interrupting one first ends the task it is attached to, a
     * non-interrupting cycle is armed again for its next repetition while repetitions are left.
     */
    private Outcome fireTimer(Run run, EngineCommand.FireTimer fire) {
        Optional<Token> holder = run.holderOf(fire.timerId());
        if (holder.isEmpty()) {
            return new Outcome.Refused(Refusal.timerNotArmed(run.instanceId(), fire.timerId()));
        }
        Token token = holder.get();
        Timer timer = token.timers().stream().filter(armed -> armed.id().equals(fire.timerId())).findFirst().orElseThrow();
        if (timer.dueAt().isAfter(run.now())) {
            return new Outcome.Refused(Refusal.timerNotDue(run.instanceId(), timer, run.now()));
        }
        Node node = run.process().node(timer.nodeId());
        run.record(EngineEvent.TIMER_FIRED, node.id(), token.id(), JsonNodeFactory.instance.objectNode()
                .put("timerId", timer.id()).put("dueAt", timer.dueAt().toString()).put("fired", timer.fired() + 1));
        if (node.kind() == NodeKind.TIMER_CATCH_EVENT) {
            MovingToken moving = run.wakeAt(token, node);
            return run.leaveActivity(node, moving).<Outcome>map(Outcome.Refused::new).orElseGet(() -> advance(run));
        }
        NodeDetails.BoundaryTimer boundary = node.details(NodeDetails.BoundaryTimer.class);
        if (boundary.interrupting()) {
            run.interrupt(token, node);
        } else {
            run.replace(token, token.withTimers(rearmed(token, timer, boundary, run)));
        }
        run.arrive(node.id(), token.scopeId());
        return advance(run);
    }

    /** The token's timers after a non-interrupting boundary timer fired: a cycle with repetitions left is due again. */
    private static List<Timer> rearmed(Token token, Timer fired, NodeDetails.BoundaryTimer boundary, Run run) {
        TimerSchedule schedule = Timers.scheduleOf(boundary.timer(), run);
        Optional<Instant> next = schedule == null || boundary.timer().type() != TimerDefinition.Type.CYCLE
                ? Optional.empty() : schedule.nextDue(fired.dueAt(), fired.fired() + 1);
        List<Timer> timers = new ArrayList<>();
        for (Timer timer : token.timers()) {
            if (!timer.id().equals(fired.id())) {
                timers.add(timer);
            } else if (next.isPresent()) {
                timers.add(new Timer(timer.id(), timer.nodeId(), fired.dueAt(), next.get(), timer.fired() + 1));
            }
        }
        return timers;
    }

    // Repeats until a round records nothing: each round moves every token it can, then lets joins decide.
    private Outcome advance(Run run) {
        int eventsBefore;
        do {
            eventsBefore = run.eventCount();
            Optional<Refusal> refusal = moveTokens(run).or(() -> offerJoins(run));
            if (refusal.isPresent()) {
                return new Outcome.Refused(refusal.get());
            }
        } while (run.eventCount() > eventsBefore);
        run.completeIfNothingLeft();
        return run.outcome();
    }

    private Optional<Refusal> moveTokens(Run run) {
        Optional<MovingToken> next;
        while ((next = run.nextInMotion()).isPresent()) {
            MovingToken token = next.get();
            if (run.takeStep() > stepLimit) {
                return Optional.of(Refusal.stepLimitExceeded(run.instanceId(), stepLimit, token.nodeId()));
            }
            Node node = run.process().node(token.nodeId());
            run.record(EngineEvent.NODE_ENTERED, node.id(), token.id());
            Optional<Refusal> refusal = processorFor(node.kind()).onArrival(node, token, run);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> offerJoins(Run run) {
        Set<JoinPlace> places = new LinkedHashSet<>();
        run.resting().stream()
                .filter(token -> token.state() == TokenState.JOINING)
                .forEach(token -> places.add(new JoinPlace(token.nodeId(), token.scopeId())));
        for (JoinPlace place : places) {
            Node gateway = run.process().node(place.nodeId());
            Optional<Refusal> refusal = processorFor(gateway.kind()).onQuiet(gateway, place.scopeId(), run);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** A gateway in one scope: tokens join only with tokens of the same scope. */
    private record JoinPlace(String nodeId, String scopeId) {
    }

    private NodeProcessor processorFor(NodeKind kind) {
        return switch (kind) {
            case START_EVENT, TASK, MANUAL_TASK, INTERMEDIATE_THROW_EVENT -> passThrough;
            case END_EVENT -> endEvent;
            case TERMINATE_END_EVENT -> terminateEndEvent;
            case ERROR_END_EVENT -> errorEndEvent;
            case USER_TASK -> userTask;
            case TIMER_CATCH_EVENT -> timerCatchEvent;
            case MESSAGE_CATCH_EVENT, RECEIVE_TASK -> messageCatch;
            case BOUNDARY_TIMER_EVENT, BOUNDARY_MESSAGE_EVENT, BOUNDARY_ERROR_EVENT, MESSAGE_START_EVENT, TIMER_START_EVENT -> passThrough;
            case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK, SCRIPT_TASK, MESSAGE_THROW_EVENT, MESSAGE_END_EVENT -> serviceTask;
            case EXCLUSIVE_GATEWAY -> exclusiveGateway;
            case PARALLEL_GATEWAY -> parallelGateway;
            case INCLUSIVE_GATEWAY -> inclusiveGateway;
            case EVENT_BASED_GATEWAY -> eventGateway;
            case SUB_PROCESS -> subProcess;
        };
    }

    private static Optional<Refusal> refuseIfNotActive(ExecutableProcess process, InstanceState state, OperationContext context) {
        requireSameDefinition(process, state, context);
        if (state.status() != InstanceStatus.ACTIVE) {
            return Optional.of(Refusal.instanceNotActive(context.instanceId(), state.status()));
        }
        return Optional.empty();
    }

    // Migrating a state to the current version is the loader's job; running it on another version would corrupt it.
    private static void requireSameDefinition(ExecutableProcess process, InstanceState state, OperationContext context) {
        if (!Objects.equals(process.id(), state.processId()) || !Objects.equals(process.version(), state.version())) {
            throw new IllegalArgumentException("instance " + context.instanceId() + " is at process '" + state.processId()
                    + "' version " + state.version() + ", but was given " + process.definition()
                    + "; migrate it before running it");
        }
    }
}
