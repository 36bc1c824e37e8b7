package io.ferry.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.definition.Node;
import io.ferry.definition.ProcessDefinition;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.RefusalReason;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.operation.InstanceTransaction.Read;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Why a task a client names is not open, read from the event that ended it. The engine sees only the snapshot,
 * where an ended task leaves no trace, so it can only say "no such open task"; a client retrying after a lost
 * response must learn that its completion went through (409 task-already-completed), and one completing a task
 * something else ended must learn what did (409 task-no-longer-open), not that the task never existed (404). The
 * engine records every end of a task's token: {@code TaskCompleted}, or {@code NodeTerminated} with its cause. Asked
 * only after the engine refused; the history only grows, so reading it after the snapshot can only find more.
 */
@ApplicationScoped
public class TaskEndings {

    static final String ALREADY_COMPLETED = "Task %s (user task '%s') of instance %s was already completed,"
            + " by history event %s (sequence %d, at %s); nothing was changed. GET /instances/%s shows the instance as it is now.";
    static final String NO_LONGER_OPEN = "Task %s (user task '%s') of instance %s is no longer open: %s;"
            + " nothing was changed. GET /instances/%s/tasks lists the open tasks.";
    static final String ENDED_BY_TERMINATE_END_EVENT = "terminate end event '%s' ended sub-process '%s' before the task"
            + " was completed (history event %s, sequence %d, at %s)";
    static final String ENDED_BY_BOUNDARY_EVENT = "boundary event '%s' interrupted the task before it was completed"
            + " (history event %s, sequence %d, at %s)";
    static final String ENDED_BY_ERROR = "an error caught by '%s' ended the task before it was completed"
            + " (history event %s, sequence %d, at %s)";
    static final String ENDED_BY_CANCEL = "it was cancelled before it was completed (history event %s, sequence %d, at %s)";
    static final String ENDED_OTHERWISE = "it ended without being completed ('%s', history event %s, sequence %d, at %s)";

    /**
     * The event that ended the user task a client names ($2), with the node the task was created at: the task with
     * that id, else the latest task created at the node under any name the node had ($3). A user task is a token
     * with a {@code TaskCreated} event; the partial index {@code ferry_history_event_task} holds exactly the events of
     * these three types, so the statement reads the instance's task events only, never its whole history.
     */
    static final String ENDING = """
            select %1$s, c.node_id as created_at_node
            from ferry_history_event h
            join ferry_history_event c
              on c.instance_id = h.instance_id and c.token_id = h.token_id and c.type = '%2$s'
            where h.instance_id = $1 and h.type in ('%3$s', '%4$s')
              and (h.token_id = $2 or h.node_id = any($3::text[]) or c.node_id = any($3::text[]))
            order by h.token_id = $2 desc, c.sequence desc
            limit 1""".formatted(HistoryEventRecord.COLUMNS, EngineEvent.TASK_CREATED, EngineEvent.TASK_COMPLETED,
            EngineEvent.NODE_TERMINATED);

    @Inject
    Pool pool;

    /**
     * The problem to answer a refused task completion with: the engine's refusal as it is, unless the history
     * has the end of the task the client names.
     */
    public Uni<Problem> explain(String taskRef, Refusal refusal, Read read) {
        UUID instanceId = read.stored().row().id;
        Problem asRefused = InstanceProblems.refused(refusal, instanceId);
        if (refusal.reason() != RefusalReason.TASK_NOT_FOUND && refusal.reason() != RefusalReason.INSTANCE_NOT_ACTIVE) {
            return Uni.createFrom().item(asRefused);
        }
        String[] names = namesOf(taskRef, read.stored().appliedMigrations()).toArray(String[]::new);
        return pool.preparedQuery(ENDING).execute(Tuple.of(instanceId, taskRef, names)).map(rows -> {
            if (rows.size() == 0) {
                return asRefused;
            }
            Row row = rows.iterator().next();
            HistoryEventRecord ending = HistoryEventRecord.of(row);
            String createdAt = row.getString("created_at_node");
            if (EngineEvent.TASK_COMPLETED.equals(ending.type)) {
                return alreadyCompleted(ending, createdAt);
            }
            // An instance that ended has no open task to speak of: the engine's words say so.
            return refusal.reason() == RefusalReason.INSTANCE_NOT_ACTIVE ? asRefused
                    : noLongerOpen(ending, createdAt, read.process().definition());
        });
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

    private static Problem alreadyCompleted(HistoryEventRecord completion, String taskNode) {
        String instanceId = completion.instanceId.toString();
        return Problem.of(ProblemType.TASK_ALREADY_COMPLETED, ALREADY_COMPLETED.formatted(completion.tokenId, taskNode, instanceId,
                        completion.id, completion.sequence, completion.occurredAt, instanceId))
                .with("instanceId", instanceId)
                .with("taskId", completion.tokenId)
                .with("nodeId", taskNode)
                .with("eventId", completion.id.toString())
                .with("eventSequence", completion.sequence)
                .with("completedAt", completion.occurredAt.toString());
    }

    private static Problem noLongerOpen(HistoryEventRecord ending, String taskNode, ProcessDefinition definition) {
        String instanceId = ending.instanceId.toString();
        JsonNode byNode = ending.data == null ? null : ending.data.get("by");
        String by = byNode == null || byNode.isNull() ? null : byNode.asText();
        String why = why(ending, by, definition);
        Problem problem = Problem.of(ProblemType.TASK_NO_LONGER_OPEN,
                        NO_LONGER_OPEN.formatted(ending.tokenId, taskNode, instanceId, why, instanceId))
                .with("instanceId", instanceId)
                .with("taskId", ending.tokenId)
                .with("nodeId", taskNode);
        if (by != null) {
            problem = problem.with("endedBy", by);
        }
        return problem.with("eventId", ending.id.toString())
                .with("eventSequence", ending.sequence)
                .with("endedAt", ending.occurredAt.toString());
    }

    /** What ended the task, in words. */
    private static String why(HistoryEventRecord ending, String by, ProcessDefinition definition) {
        Optional<Termination.Cause> cause = causeOf(ending.data);
        if (cause.isEmpty()) {
            return ENDED_OTHERWISE.formatted(ending.data.path("cause").asText(), ending.id, ending.sequence, ending.occurredAt);
        }
        return switch (cause.get()) {
            case BOUNDARY_EVENT -> ENDED_BY_BOUNDARY_EVENT.formatted(by, ending.id, ending.sequence, ending.occurredAt);
            case TERMINATE_END_EVENT -> ENDED_BY_TERMINATE_END_EVENT.formatted(by,
                    by == null ? "" : definition.node(by).map(Node::scopeId).orElse(""), ending.id, ending.sequence,
                    ending.occurredAt);
            case ERROR -> ENDED_BY_ERROR.formatted(by, ending.id, ending.sequence, ending.occurredAt);
            case CANCEL -> ENDED_BY_CANCEL.formatted(ending.id, ending.sequence, ending.occurredAt);
        };
    }

    /**
     * The cause {@code NodeTerminated} records. None recorded is a boundary event's: before every ending was recorded,
     * only boundary events recorded one, without a cause. A cause this pod does not know (a newer one wrote it) is none.
     */
    static Optional<Termination.Cause> causeOf(JsonNode data) {
        JsonNode cause = data == null ? null : data.get("cause");
        if (cause == null || cause.isNull()) {
            return Optional.of(Termination.Cause.BOUNDARY_EVENT);
        }
        return Arrays.stream(Termination.Cause.values()).filter(known -> known.recorded().equals(cause.asText())).findFirst();
    }
}
