package io.ferry.execution;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.execution.behaviours.BoundaryEventBehaviour;
import io.ferry.execution.behaviours.ErrorBehaviour;
import io.ferry.execution.behaviours.JobBehaviour;
import io.ferry.execution.behaviours.SubscriptionBehaviour;
import io.ferry.execution.behaviours.TerminationBehaviour;
import io.ferry.execution.behaviours.TimerBehaviour;
import io.ferry.execution.containers.ProcessProcessor;
import io.ferry.execution.containers.SubProcessProcessor;
import io.ferry.execution.events.BoundaryEventProcessor;
import io.ferry.execution.events.EndEventProcessor;
import io.ferry.execution.events.ErrorEndEventProcessor;
import io.ferry.execution.events.MessageCatchProcessor;
import io.ferry.execution.events.NoneEventProcessor;
import io.ferry.execution.events.TerminateEndEventProcessor;
import io.ferry.execution.events.TimerCatchEventProcessor;
import io.ferry.execution.gateways.EventBasedGatewayProcessor;
import io.ferry.execution.gateways.ExclusiveGatewayProcessor;
import io.ferry.execution.gateways.InclusiveGatewayProcessor;
import io.ferry.execution.gateways.ParallelGatewayProcessor;
import io.ferry.execution.lifecycle.ContainerProcessor;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Trigger;
import io.ferry.execution.tasks.NoneTaskProcessor;
import io.ferry.execution.tasks.ServiceTaskProcessor;
import io.ferry.execution.tasks.UserTaskProcessor;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Advances process instances. Pure: {@link #apply} takes a definition, a state and a command, and
 * gives back the new state with the history events it caused and the effects to write with it
 * (timers, jobs, incidents, subscriptions), or a refusal that leaves the state as it was. Its only
 * clock is the operation's moment, and it calls nothing outside itself: a service task's handler runs
 * in a worker, which reports back with a command. It runs the instance to completion within the
 * operation: tokens in motion are handled first in, first out until every token rests (at a task, a
 * job, a timer, a message, a join) or none is left. Persistence, transactions and retries are the
 * caller's business.
 *
 * <p>Each element kind has one processor ({@link ElementProcessor}, whose Javadoc is the lifecycle);
 * {@link #processorFor} picks it by an exhaustive switch, and commands are dispatched by {@link
 * EngineCommand.Visitor}, so neither a new node kind nor a new command compiles without its handling.
 */
public final class ProcessEngine {

    /** Steps (arrivals at a node) one operation may take before it is refused as an endless loop. */
    public static final int DEFAULT_STEP_LIMIT = 10_000;

    private final int stepLimit;
    private final ProcessProcessor processContainer;
    private final ElementProcessor noneEvent = new NoneEventProcessor();
    private final ElementProcessor noneTask = new NoneTaskProcessor();
    private final ElementProcessor endEvent = new EndEventProcessor();
    private final ElementProcessor terminateEndEvent;
    private final ElementProcessor errorEndEvent;
    private final ElementProcessor userTask;
    private final ElementProcessor serviceTask;
    private final ElementProcessor exclusiveGateway = new ExclusiveGatewayProcessor();
    private final ElementProcessor parallelGateway = new ParallelGatewayProcessor();
    private final ElementProcessor inclusiveGateway = new InclusiveGatewayProcessor();
    private final ElementProcessor eventBasedGateway;
    private final ElementProcessor subProcess;
    private final ElementProcessor timerCatchEvent;
    private final ElementProcessor messageCatch;
    private final ElementProcessor boundaryEvent;

    /** An engine whose jobs retry as {@link JobPolicy#DEFAULT} says. */
    public ProcessEngine() {
        this(JobPolicy.DEFAULT, DEFAULT_STEP_LIMIT);
    }

    /** @param jobs how service tasks' jobs retry where the BPMN says nothing */
    public ProcessEngine(JobPolicy jobs, int stepLimit) {
        this.stepLimit = stepLimit;
        TimerBehaviour timers = new TimerBehaviour();
        SubscriptionBehaviour subscriptions = new SubscriptionBehaviour();
        BoundaryEventBehaviour boundaryEvents = new BoundaryEventBehaviour(timers, subscriptions);
        TerminationBehaviour termination = new TerminationBehaviour(node -> processorFor(node.kind()));
        ErrorBehaviour errors = new ErrorBehaviour(termination);
        this.processContainer = new ProcessProcessor(termination);
        this.terminateEndEvent = new TerminateEndEventProcessor(termination);
        this.errorEndEvent = new ErrorEndEventProcessor(errors);
        this.userTask = new UserTaskProcessor(boundaryEvents);
        this.serviceTask = new ServiceTaskProcessor(boundaryEvents, new JobBehaviour(Objects.requireNonNull(jobs, "jobs")), errors);
        this.eventBasedGateway = new EventBasedGatewayProcessor(timers, subscriptions);
        this.subProcess = new SubProcessProcessor(boundaryEvents, termination);
        this.timerCatchEvent = new TimerCatchEventProcessor(timers);
        this.messageCatch = new MessageCatchProcessor(subscriptions, boundaryEvents);
        this.boundaryEvent = new BoundaryEventProcessor(timers, subscriptions, termination);
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
            return start(Run.starting(process, context, this::containerOf), start);
        }
        Objects.requireNonNull(state, "state");
        requireSameDefinition(process, state, context);
        if (state.status() != InstanceStatus.ACTIVE) {
            return new Outcome.Refused(Refusal.instanceNotActive(context.instanceId(), state.status()));
        }
        return command.accept(new Commands(Run.of(process, context, state, this::containerOf)));
    }

    private Outcome start(Run run, EngineCommand.Start start) {
        run.mergeVariables(start.variables());
        run.record(EngineEvent.INSTANCE_STARTED, null, null, start.variables().deepCopy());
        Node startEvent = start.startEventId() != null ? run.process().node(start.startEventId()) : run.process().startEvent(null);
        if (startEvent == null) {
            throw new IllegalArgumentException(run.process().definition() + " starts only by message " + run.process().startMessages());
        }
        run.arrive(startEvent.id(), null);
        return advance(run);
    }

    /**
     * What each command does to an active instance. A command for a waiting token finds the token and
     * the element its trigger belongs to, checks that it applies (the timer is due, the job has or has
     * no incident), and hands the trigger to that element's processor.
     */
    private final class Commands implements EngineCommand.Visitor<Outcome> {

        private final Run run;

        Commands(Run run) {
            this.run = run;
        }

        @Override
        public Outcome start(EngineCommand.Start command) {
            throw new IllegalArgumentException("instance " + run.instanceId() + " exists already; only a new one starts");
        }

        @Override
        public Outcome completeTask(EngineCommand.CompleteTask command) {
            String taskRef = command.taskRef();
            List<Token> openTasks = run.resting().stream().filter(token -> token.state() == TokenState.USER_TASK).toList();
            Optional<Token> byId = openTasks.stream().filter(task -> task.id().equals(taskRef)).findFirst();
            List<Token> tasks = byId.map(List::of)
                    .orElseGet(() -> openTasks.stream().filter(open -> open.nodeId().equals(taskRef)).toList());
            if (tasks.isEmpty()) {
                return new Outcome.Refused(notOpen(taskRef, openTasks));
            }
            if (tasks.size() > 1) {
                return new Outcome.Refused(Refusal.taskAmbiguous(run.instanceId(), taskRef, tasks));
            }
            return trigger(tasks.get(0), tasks.get(0).nodeId(), new Trigger.TaskCompleted(command.variables()));
        }

        /** Why no open user task has the ref: it names a task that runs as a job, or nothing open. */
        private Refusal notOpen(String taskRef, List<Token> openTasks) {
            Optional<Token> job = run.resting().stream().filter(token -> token.job() != null)
                    .filter(token -> token.id().equals(taskRef) || token.nodeId().equals(taskRef)).findFirst();
            Optional<Node> node = job.map(token -> run.process().node(token.nodeId()))
                    .or(() -> run.process().definition().node(taskRef));
            if (node.isPresent() && node.get().details() instanceof NodeDetails.ServiceTask) {
                return Refusal.notAUserTask(run.instanceId(), taskRef, node.get(), job.orElse(null), openTasks);
            }
            return Refusal.taskNotFound(run.instanceId(), taskRef, openTasks);
        }

        @Override
        public Outcome updateVariables(EngineCommand.UpdateVariables command) {
            if (!(command.mergePatch() instanceof ObjectNode patch)) {
                return new Outcome.Refused(Refusal.variablesNotAnObject(run.instanceId(), command.mergePatch()));
            }
            JsonMergePatch.apply(run.variables(), patch);
            run.record(EngineEvent.VARIABLES_UPDATED, null, null, patch.deepCopy());
            return run.outcome();
        }

        @Override
        public Outcome cancel(EngineCommand.Cancel command) {
            processContainer.cancel(run);
            return run.outcome();
        }

        /** A due timer fires at the element it belongs to: a timer catch event or a boundary event. */
        @Override
        public Outcome fireTimer(EngineCommand.FireTimer command) {
            Optional<Token> holder = run.holderOf(command.timerId());
            if (holder.isEmpty()) {
                return new Outcome.Refused(Refusal.timerNotArmed(run.instanceId(), command.timerId()));
            }
            Token token = holder.get();
            Timer timer = token.timers().stream().filter(armed -> armed.id().equals(command.timerId())).findFirst().orElseThrow();
            if (timer.dueAt().isAfter(run.now())) {
                return new Outcome.Refused(Refusal.timerNotDue(run.instanceId(), timer, run.now()));
            }
            run.record(EngineEvent.TIMER_FIRED, timer.nodeId(), token.id(), JsonNodeFactory.instance.objectNode()
                    .put("timerId", timer.id()).put("dueAt", timer.dueAt().toString()).put("fired", timer.fired() + 1));
            return trigger(token, timer.nodeId(), new Trigger.TimerFired(timer));
        }

        /** A message for an open subscription reaches the element it belongs to: a catch event, receive task or boundary event. */
        @Override
        public Outcome correlateMessage(EngineCommand.CorrelateMessage command) {
            Optional<Token> subscriber = run.subscriberOf(command.subscriptionId());
            if (subscriber.isEmpty()) {
                return new Outcome.Refused(Refusal.subscriptionNotOpen(run.instanceId(), command.subscriptionId()));
            }
            Token token = subscriber.get();
            Subscription subscription = token.subscriptions().stream()
                    .filter(open -> open.id().equals(command.subscriptionId())).findFirst().orElseThrow();
            return trigger(token, subscription.nodeId(), new Trigger.MessageCorrelated(subscription, command.variables()));
        }

        @Override
        public Outcome completeJob(EngineCommand.CompleteJob command) {
            return job(command.jobId(), false, new Trigger.JobReport.Completed(command.output(), false));
        }

        @Override
        public Outcome failJob(EngineCommand.FailJob command) {
            return job(command.jobId(), false, new Trigger.JobReport.Failed(command.error()));
        }

        @Override
        public Outcome throwError(EngineCommand.ThrowError command) {
            return job(command.jobId(), false, new Trigger.JobReport.Errored(command.errorCode(), command.message()));
        }

        @Override
        public Outcome retryJob(EngineCommand.RetryJob command) {
            return job(command.jobId(), true, new Trigger.JobReport.Retried(command.attempts()));
        }

        @Override
        public Outcome resolveIncident(EngineCommand.ResolveIncident command) {
            return job(command.jobId(), true, new Trigger.JobReport.Completed(command.output(), true));
        }

        /** A worker's report needs a job that is running (no incident), an operator's one with an incident. */
        private Outcome job(String jobId, boolean incident, Trigger.JobReport report) {
            Optional<Token> holder = run.jobHolder(jobId);
            if (holder.isEmpty()) {
                return new Outcome.Refused(Refusal.jobNotFound(run.instanceId(), jobId));
            }
            if (holder.get().job().incident() != incident) {
                return new Outcome.Refused(incident ? Refusal.jobHasNoIncident(run.instanceId(), jobId)
                        : Refusal.jobHasIncident(run.instanceId(), jobId));
            }
            return trigger(holder.get(), holder.get().nodeId(), report);
        }

        private Outcome trigger(Token token, String nodeId, Trigger trigger) {
            Node node = run.process().node(nodeId);
            return processorFor(node.kind()).onTrigger(node, token, trigger, run)
                    .<Outcome>map(Outcome.Refused::new)
                    .orElseGet(() -> advance(run));
        }
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
        processContainer.onQuiet(run);
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

    /** The container of a scope's element: the process for null, else the element's processor. */
    private ContainerProcessor containerOf(Node element) {
        return element == null ? processContainer : processorFor(element.kind()).asContainer()
                .orElseThrow(() -> new IllegalStateException(element.kind() + " '" + element.id() + "' holds a scope but is no container"));
    }

    private ElementProcessor processorFor(NodeKind kind) {
        return switch (kind) {
            case START_EVENT, MESSAGE_START_EVENT, TIMER_START_EVENT, INTERMEDIATE_THROW_EVENT -> noneEvent;
            case TASK, MANUAL_TASK -> noneTask;
            case END_EVENT -> endEvent;
            case TERMINATE_END_EVENT -> terminateEndEvent;
            case ERROR_END_EVENT -> errorEndEvent;
            case USER_TASK -> userTask;
            case TIMER_CATCH_EVENT -> timerCatchEvent;
            case MESSAGE_CATCH_EVENT, RECEIVE_TASK -> messageCatch;
            case BOUNDARY_TIMER_EVENT, BOUNDARY_MESSAGE_EVENT, BOUNDARY_ERROR_EVENT -> boundaryEvent;
            case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK, SCRIPT_TASK, MESSAGE_THROW_EVENT, MESSAGE_END_EVENT -> serviceTask;
            case EXCLUSIVE_GATEWAY -> exclusiveGateway;
            case PARALLEL_GATEWAY -> parallelGateway;
            case INCLUSIVE_GATEWAY -> inclusiveGateway;
            case EVENT_BASED_GATEWAY -> eventBasedGateway;
            case SUB_PROCESS -> subProcess;
        };
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
