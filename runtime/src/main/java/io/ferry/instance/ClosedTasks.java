package io.ferry.instance;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.Refusal;
import io.ferry.execution.RefusalReason;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.problem.Problem;
import io.ferry.rollout.MigrationRecording;
import io.ferry.problem.ProblemType;
import io.ferry.state.InstanceState;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Why a task a client names is not open, read from the instance's history. The engine sees only
 * the snapshot, where a completed task leaves no trace, so it can only say "no such open task";
 * a client retrying after a lost response must learn that its completion went through (409
 * task-already-completed), not that the task never existed (404). Asked only after the engine
 * refused; the history only grows, so reading it after the snapshot can only find more.
 */
@ApplicationScoped
public class ClosedTasks {

    static final String ALREADY_COMPLETED = "Task %s (user task '%s') of instance %s was already completed,"
            + " by history event %s (sequence %d, at %s); nothing was changed. GET /instances/%s shows the instance as it is now.";
    static final String NO_LONGER_OPEN = "Task %s (user task '%s') of instance %s is no longer open: %s;"
            + " nothing was changed. GET /instances/%s/tasks lists the open tasks.";
    static final String ENDED_BY_TERMINATE_END_EVENT = "terminate end event '%s' ended sub-process '%s' before the task"
            + " was completed (history event %s, sequence %d, at %s)";
    static final String ENDED_BY_BOUNDARY_EVENT = "boundary event '%s' interrupted the task before it was completed"
            + " (history event %s, sequence %d, at %s)";
    static final String ENDED_UNRECORDED = "it ended without being completed, and the history does not record what ended it";

    /** The tasks created and the migrations applied ($2: the two event types), oldest first. */
    private static final String TASKS_AND_MIGRATIONS = """
            select %s from ferry_history_event h
            where h.instance_id = $1 and h.type = any($2::text[])
            order by h.sequence""".formatted(HistoryEventRecord.COLUMNS);
    /** The event of a type that names a token: for a task, its completion. */
    private static final String COMPLETION = """
            select %s from ferry_history_event h
            where h.instance_id = $1 and h.type = $2 and h.token_id = $3
            order by h.sequence
            limit 1""".formatted(HistoryEventRecord.COLUMNS);
    /** The first event of a type at one of some nodes after a sequence number: the end event that ended a task. */
    private static final String ENDING = """
            select %s from ferry_history_event h
            where h.instance_id = $1 and h.type = $2 and h.sequence > $3 and h.node_id = any($4::text[])
            order by h.sequence
            limit 1""".formatted(HistoryEventRecord.COLUMNS);

    @Inject
    Pool pool;

    /**
     * The problem to answer a refused task completion with: the engine's refusal as it is, unless
     * the history shows the named task existed.
     */
    public Uni<Problem> explain(UUID instanceId, String taskRef, Refusal refusal, ExecutableProcess process, InstanceState state) {
        Problem asRefused = Outcomes.problem(refusal, instanceId);
        if (refusal.reason() != RefusalReason.TASK_NOT_FOUND && refusal.reason() != RefusalReason.INSTANCE_NOT_ACTIVE) {
            return Uni.createFrom().item(asRefused);
        }
        return pool.preparedQuery(TASKS_AND_MIGRATIONS)
                .execute(Tuple.of(instanceId, new String[] {EngineEvent.TASK_CREATED, MigrationRecording.INSTANCE_MIGRATED}))
                .map(ClosedTasks::events)
                .chain(events -> closedTask(taskRef, createdUnder(taskRef, events), state)
                        .map(task -> whyClosed(task, refusal.reason(), process, asRefused))
                        .orElseGet(() -> Uni.createFrom().item(asRefused)));
    }

    /** The tasks created under the ref: with it as their id, or at its node under any id the node had. */
    private static List<HistoryEventRecord> createdUnder(String taskRef, List<HistoryEventRecord> events) {
        List<HistoryEventRecord> migrations = events.stream()
                .filter(event -> event.type.equals(MigrationRecording.INSTANCE_MIGRATED)).toList();
        Set<String> names = namesOf(taskRef, migrations);
        return events.stream()
                .filter(event -> event.type.equals(EngineEvent.TASK_CREATED))
                .filter(task -> taskRef.equals(task.tokenId) || names.contains(task.nodeId))
                .toList();
    }

    /**
     * The node id a client names, and every id that node had before the instance's migrations
     * renamed it: a task created under an older version's id is the same task.
     */
    static Set<String> namesOf(String nodeId, List<HistoryEventRecord> migrations) {
        Set<String> names = new HashSet<>(Set.of(nodeId));
        Set<String> newer = Set.of(nodeId);
        for (int i = migrations.size() - 1; i >= 0; i--) {
            JsonNode moved = migrations.get(i).data.path("movedNodeIds");
            Set<String> older = new HashSet<>();
            for (String name : newer) {
                if (!moved.has(name)) {
                    older.add(name);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> moves = moved.fields(); moves.hasNext(); ) {
                Map.Entry<String, JsonNode> move = moves.next();
                if (newer.contains(move.getValue().asText())) {
                    older.add(move.getKey());
                }
            }
            names.addAll(older);
            newer = older;
        }
        return names;
    }

    /**
     * The task the ref names that is not open now: by its id, else the latest created at the node.
     * A task still open under another node id (a migration renamed its node) is not closed.
     */
    private static Optional<HistoryEventRecord> closedTask(String taskRef, List<HistoryEventRecord> created, InstanceState state) {
        Set<String> open = state.tokens().stream()
                .filter(token -> token.state() == TokenState.USER_TASK)
                .map(Token::id)
                .collect(Collectors.toSet());
        List<HistoryEventRecord> closed = created.stream().filter(task -> !open.contains(task.tokenId)).toList();
        return closed.stream().filter(task -> taskRef.equals(task.tokenId)).findFirst()
                .or(() -> closed.stream().max(Comparator.comparingLong(task -> task.sequence)));
    }

    private Uni<Problem> whyClosed(HistoryEventRecord task, RefusalReason refused, ExecutableProcess process, Problem asRefused) {
        return pool.preparedQuery(COMPLETION).execute(Tuple.of(task.instanceId, EngineEvent.TASK_COMPLETED, task.tokenId))
                .map(ClosedTasks::first)
                .chain(completion -> {
                    if (completion != null) {
                        return Uni.createFrom().item(alreadyCompleted(task, completion));
                    }
                    if (refused == RefusalReason.INSTANCE_NOT_ACTIVE) {
                        return Uni.createFrom().item(asRefused);
                    }
                    return endedBy(task, process.definition()).map(ending -> noLongerOpen(task, ending, process.definition()));
                });
    }

    /** The first terminate end event of a sub-process around the task that completed after the task was created. */
    private Uni<HistoryEventRecord> endedBy(HistoryEventRecord task, ProcessDefinition definition) {
        return pool.preparedQuery(COMPLETION).execute(Tuple.of(task.instanceId, EngineEvent.NODE_TERMINATED, task.tokenId))
                .map(ClosedTasks::first)
                .chain(interrupted -> interrupted != null ? Uni.createFrom().item(interrupted) : endedByTerminateEndEvent(task, definition));
    }

    private Uni<HistoryEventRecord> endedByTerminateEndEvent(HistoryEventRecord task, ProcessDefinition definition) {
        List<String> terminateEndEvents = terminateEndEventsAround(task.nodeId, definition);
        if (terminateEndEvents.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery(ENDING).execute(Tuple.of(task.instanceId, EngineEvent.NODE_COMPLETED, task.sequence,
                        terminateEndEvents.toArray(String[]::new)))
                .map(ClosedTasks::first);
    }

    private static List<HistoryEventRecord> events(RowSet<Row> rows) {
        List<HistoryEventRecord> events = new ArrayList<>(rows.size());
        rows.forEach(row -> events.add(HistoryEventRecord.of(row)));
        return events;
    }

    private static HistoryEventRecord first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : HistoryEventRecord.of(rows.iterator().next());
    }

    /** Terminate end events in the sub-process holding the node, or in one holding that, and so on out. */
    static List<String> terminateEndEventsAround(String nodeId, ProcessDefinition definition) {
        List<String> scopes = new ArrayList<>();
        String scope = definition.node(nodeId).map(Node::scopeId).orElse(null);
        while (scope != null) {
            scopes.add(scope);
            scope = definition.node(scope).map(Node::scopeId).orElse(null);
        }
        return definition.nodes().stream()
                .filter(node -> node.kind() == NodeKind.TERMINATE_END_EVENT && scopes.contains(node.scopeId()))
                .map(Node::id)
                .toList();
    }

    private static Problem alreadyCompleted(HistoryEventRecord task, HistoryEventRecord completion) {
        String instanceId = task.instanceId.toString();
        return Problem.of(ProblemType.TASK_ALREADY_COMPLETED, ALREADY_COMPLETED.formatted(task.tokenId, task.nodeId, instanceId,
                        completion.id, completion.sequence, completion.occurredAt, instanceId))
                .with("instanceId", instanceId)
                .with("taskId", task.tokenId)
                .with("nodeId", task.nodeId)
                .with("eventId", completion.id.toString())
                .with("eventSequence", completion.sequence)
                .with("completedAt", completion.occurredAt.toString());
    }

    private static Problem noLongerOpen(HistoryEventRecord task, HistoryEventRecord ending, ProcessDefinition definition) {
        String instanceId = task.instanceId.toString();
        boolean terminated = ending != null && EngineEvent.NODE_TERMINATED.equals(ending.type);
        String endedBy = ending == null ? null : terminated ? ending.data.path("by").asText() : ending.nodeId;
        boolean byTerminateEndEvent = ending != null && (!terminated || "terminateEndEvent".equals(ending.data.path("cause").asText()));
        String why = ending == null ? ENDED_UNRECORDED
                : byTerminateEndEvent ? ENDED_BY_TERMINATE_END_EVENT.formatted(endedBy,
                        definition.node(endedBy).map(Node::scopeId).orElse(""), ending.id, ending.sequence, ending.occurredAt)
                : ENDED_BY_BOUNDARY_EVENT.formatted(endedBy, ending.id, ending.sequence, ending.occurredAt);
        Problem problem = Problem.of(ProblemType.TASK_NO_LONGER_OPEN,
                        NO_LONGER_OPEN.formatted(task.tokenId, task.nodeId, instanceId, why, instanceId))
                .with("instanceId", instanceId)
                .with("taskId", task.tokenId)
                .with("nodeId", task.nodeId);
        if (ending == null) {
            return problem;
        }
        return problem.with("endedBy", endedBy)
                .with("eventId", ending.id.toString())
                .with("eventSequence", ending.sequence)
                .with("endedAt", ending.occurredAt.toString());
    }
}
