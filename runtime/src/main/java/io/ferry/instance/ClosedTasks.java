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
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
 * refused, inside the operation's transaction.
 */
@ApplicationScoped
public class ClosedTasks {

    static final String ALREADY_COMPLETED = "Task %s (user task '%s') of instance %s was already completed,"
            + " by history event %s (sequence %d, at %s); nothing was changed. GET /instances/%s shows the instance as it is now.";
    static final String NO_LONGER_OPEN = "Task %s (user task '%s') of instance %s is no longer open: %s;"
            + " nothing was changed. GET /instances/%s/tasks lists the open tasks.";
    static final String ENDED_BY_TERMINATE_END_EVENT = "terminate end event '%s' ended sub-process '%s' before the task"
            + " was completed (history event %s, sequence %d, at %s)";
    static final String ENDED_UNRECORDED = "it ended without being completed, and the history does not record what ended it";

    /**
     * The problem to answer a refused task completion with: the engine's refusal as it is, unless
     * the history shows the named task existed.
     */
    public Uni<Problem> explain(UUID instanceId, String taskRef, Refusal refusal, ExecutableProcess process, InstanceState state) {
        Problem asRefused = Outcomes.problem(refusal, instanceId);
        if (refusal.reason() != RefusalReason.TASK_NOT_FOUND && refusal.reason() != RefusalReason.INSTANCE_NOT_ACTIVE) {
            return Uni.createFrom().item(asRefused);
        }
        return HistoryEventRecord.<HistoryEventRecord>list("instanceId = ?1 and type = ?2", Sort.by("sequence"), instanceId,
                        MigrationRecording.INSTANCE_MIGRATED)
                .chain(migrations -> HistoryEventRecord.<HistoryEventRecord>list(
                        "instanceId = ?1 and type = ?2 and (tokenId = ?3 or nodeId in ?4)", Sort.by("sequence"), instanceId,
                        EngineEvent.TASK_CREATED, taskRef, namesOf(taskRef, migrations)))
                .chain(created -> closedTask(taskRef, created, state)
                        .map(task -> whyClosed(task, refusal.reason(), process, asRefused))
                        .orElseGet(() -> Uni.createFrom().item(asRefused)));
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
        return HistoryEventRecord.<HistoryEventRecord>find("instanceId = ?1 and type = ?2 and tokenId = ?3",
                        task.instanceId, EngineEvent.TASK_COMPLETED, task.tokenId)
                .firstResult()
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
    private static Uni<HistoryEventRecord> endedBy(HistoryEventRecord task, ProcessDefinition definition) {
        List<String> terminateEndEvents = terminateEndEventsAround(task.nodeId, definition);
        if (terminateEndEvents.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return HistoryEventRecord.<HistoryEventRecord>find("instanceId = ?1 and type = ?2 and sequence > ?3 and nodeId in ?4",
                        Sort.by("sequence"), task.instanceId, EngineEvent.NODE_COMPLETED, task.sequence, terminateEndEvents)
                .firstResult();
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
        String why = ending == null ? ENDED_UNRECORDED
                : ENDED_BY_TERMINATE_END_EVENT.formatted(ending.nodeId, definition.node(ending.nodeId).map(Node::scopeId).orElse(""),
                        ending.id, ending.sequence, ending.occurredAt);
        Problem problem = Problem.of(ProblemType.TASK_NO_LONGER_OPEN,
                        NO_LONGER_OPEN.formatted(task.tokenId, task.nodeId, instanceId, why, instanceId))
                .with("instanceId", instanceId)
                .with("taskId", task.tokenId)
                .with("nodeId", task.nodeId);
        if (ending == null) {
            return problem;
        }
        return problem.with("endedBy", ending.nodeId)
                .with("eventId", ending.id.toString())
                .with("eventSequence", ending.sequence)
                .with("endedAt", ending.occurredAt.toString());
    }
}
