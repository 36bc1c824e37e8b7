package io.ferry.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeKind;
import io.ferry.service.ServiceTaskHandlers;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Advances process instances. Pure: each operation takes a definition, a state and a command,
 * and gives back the new state with the history events it caused, or a refusal that leaves the
 * state as it was. It runs the instance to completion within the operation: tokens in motion are
 * handled first in, first out until every token rests at a user task or joining gateway, or none
 * is left. Persistence, transactions and retries are the caller's business.
 */
public final class ProcessEngine {

    /** Steps (arrivals at a node) one operation may take before it is refused as an endless loop. */
    public static final int DEFAULT_STEP_LIMIT = 10_000;

    private final int stepLimit;
    private final NodeProcessor passThrough = new PassThroughProcessor();
    private final NodeProcessor endEvent = new EndEventProcessor();
    private final NodeProcessor terminateEndEvent = new TerminateEndEventProcessor();
    private final UserTaskProcessor userTask = new UserTaskProcessor();
    private final NodeProcessor serviceTask;
    private final NodeProcessor exclusiveGateway = new ExclusiveGatewayProcessor();
    private final NodeProcessor parallelGateway = new ParallelGatewayProcessor();
    private final NodeProcessor inclusiveGateway = new InclusiveGatewayProcessor();
    private final NodeProcessor subProcess = new SubProcessProcessor();

    public ProcessEngine(ServiceTaskHandlers handlers) {
        this(handlers, new ObjectMapper(), DEFAULT_STEP_LIMIT);
    }

    /** @param json converts service-task outputs to JSON (pass the application's configured mapper) */
    public ProcessEngine(ServiceTaskHandlers handlers, ObjectMapper json, int stepLimit) {
        this.serviceTask = new ServiceTaskProcessor(Objects.requireNonNull(handlers, "handlers"), json);
        this.stepLimit = stepLimit;
    }

    /** Starts an instance at the process's none start event, with the given variables. */
    public Outcome start(ExecutableProcess process, ObjectNode variables, OperationContext context) {
        Run run = Run.starting(process, context);
        ObjectNode given = orEmpty(variables);
        run.mergeVariables(given);
        run.record(EngineEvent.INSTANCE_STARTED, null, null, given.deepCopy());
        run.arrive(process.startEvent(null).id(), null);
        return advance(run);
    }

    /**
     * Completes a user task and moves its token on.
     *
     * @param taskRef a task id, or the id of a user-task node where exactly one task waits
     * @param variables merged into the instance variables, top-level field by field
     */
    public Outcome completeTask(
            ExecutableProcess process, InstanceState state, String taskRef, ObjectNode variables, OperationContext context) {
        Optional<Refusal> refusal = refuseIfNotActive(process, state, context);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        List<Token> openTasks = state.tokens().stream().filter(token -> token.state() == TokenState.WAITING).toList();
        Optional<Token> byId = openTasks.stream().filter(task -> task.id().equals(taskRef)).findFirst();
        List<Token> task = byId.map(List::of)
                .orElseGet(() -> openTasks.stream().filter(open -> open.nodeId().equals(taskRef)).toList());
        if (task.isEmpty()) {
            return new Outcome.Refused(Refusal.taskNotFound(context.instanceId(), taskRef, openTasks));
        }
        if (task.size() > 1) {
            return new Outcome.Refused(Refusal.taskAmbiguous(context.instanceId(), taskRef, task));
        }
        Run run = Run.of(process, context, state);
        return userTask.onCompleted(task.get(0), orEmpty(variables), run)
                .<Outcome>map(Outcome.Refused::new)
                .orElseGet(() -> advance(run));
    }

    /** Applies an RFC 7386 JSON merge patch to the variables: null removes a field, objects merge. */
    public Outcome updateVariables(
            ExecutableProcess process, InstanceState state, JsonNode mergePatch, OperationContext context) {
        Optional<Refusal> refusal = refuseIfNotActive(process, state, context);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        if (!(mergePatch instanceof ObjectNode patch)) {
            return new Outcome.Refused(Refusal.variablesNotAnObject(context.instanceId(), mergePatch));
        }
        Run run = Run.of(process, context, state);
        JsonMergePatch.apply(run.variables(), patch);
        run.record(EngineEvent.VARIABLES_UPDATED, null, null, patch.deepCopy());
        return new Outcome.Advanced(run.toState(), run.events());
    }

    /** Cancels the instance: every token and scope is removed. */
    public Outcome cancel(ExecutableProcess process, InstanceState state, OperationContext context) {
        Optional<Refusal> refusal = refuseIfNotActive(process, state, context);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        Run run = Run.of(process, context, state);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode activeNodes = data.putArray("activeNodes");
        run.activeNodeIds().forEach(activeNodes::add);
        run.end(InstanceStatus.CANCELLED, EngineEvent.INSTANCE_CANCELLED, data);
        return new Outcome.Advanced(run.toState(), run.events());
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
        return new Outcome.Advanced(run.toState(), run.events());
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
            case START_EVENT, TASK, MANUAL_TASK -> passThrough;
            case END_EVENT -> endEvent;
            case TERMINATE_END_EVENT -> terminateEndEvent;
            case USER_TASK -> userTask;
            case SERVICE_TASK -> serviceTask;
            case EXCLUSIVE_GATEWAY -> exclusiveGateway;
            case PARALLEL_GATEWAY -> parallelGateway;
            case INCLUSIVE_GATEWAY -> inclusiveGateway;
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

    private static ObjectNode orEmpty(ObjectNode variables) {
        return variables == null ? JsonNodeFactory.instance.objectNode() : variables;
    }
}
