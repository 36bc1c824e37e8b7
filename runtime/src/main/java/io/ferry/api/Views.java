package io.ferry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.SequenceFlow;
import io.ferry.definition.TimerDefinition;
import io.ferry.input.FerryJson;
import io.ferry.operation.InstanceQueries.ListedInstance;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.IncidentRecord;
import io.ferry.state.InstanceState;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the REST API returns. Records, so the OpenAPI document shows their exact shape. */
public final class Views {

    private Views() {
    }

    public record ProcessSummary(String id, String name, String version, String resource) {
        static ProcessSummary of(ProcessDefinition definition) {
            return new ProcessSummary(definition.id(), definition.name(), definition.version(), definition.resource());
        }
    }

    public record ProcessDetail(String id, String name, String version, String resource, List<NodeView> nodes,
            List<FlowView> flows) {
        static ProcessDetail of(ProcessDefinition definition) {
            return new ProcessDetail(definition.id(), definition.name(), definition.version(), definition.resource(),
                    definition.nodes().stream().map(NodeView::of).toList(),
                    definition.flows().stream().map(FlowView::of).toList());
        }
    }

    /**
     * A node as the process view lists it; the fields of other kinds are left out.
     *
     * @param timer the timer as the BPMN states it: {@code {"timeDuration": "PT5M"}}
     * @param message the message a node waits for or starts with: its name, and the variable the key comes from
     * @param errorCode the error an error end event throws or an error boundary event catches
     * @param attachedTo the task a boundary event hangs on
     * @param cancelActivity whether a boundary event cancels its task when it fires
     */
    public record NodeView(String id, String name, String type, String scopeId, List<String> incoming,
            List<String> outgoing, String defaultFlow, String handler,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> timer,
            @JsonInclude(JsonInclude.Include.NON_NULL) NodeDetails.Message message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String errorCode,
            @JsonInclude(JsonInclude.Include.NON_NULL) String attachedTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean cancelActivity) {
        static NodeView of(Node node) {
            String handler = null;
            TimerDefinition timer = null;
            NodeDetails.Message message = null;
            String errorCode = null;
            String attachedTo = null;
            Boolean cancelActivity = null;
            if (node.details() instanceof NodeDetails.ServiceTask task) {
                handler = task.handler();
            } else if (node.details() instanceof NodeDetails.Timer catching) {
                timer = catching.timer();
            } else if (node.details() instanceof NodeDetails.BoundaryTimer boundary) {
                timer = boundary.timer();
                attachedTo = boundary.attachedToId();
                cancelActivity = boundary.interrupting();
            } else if (node.details() instanceof NodeDetails.Message waiting) {
                message = waiting;
            } else if (node.details() instanceof NodeDetails.BoundaryMessage boundary) {
                message = boundary.message();
                attachedTo = boundary.attachedToId();
                cancelActivity = boundary.interrupting();
            } else if (node.details() instanceof NodeDetails.Error error) {
                errorCode = error.errorCode();
            } else if (node.details() instanceof NodeDetails.BoundaryError boundary) {
                errorCode = boundary.errorCode();
                attachedTo = boundary.attachedToId();
                cancelActivity = true;
            }
            return new NodeView(node.id(), node.name(), node.kind().bpmnElement(), node.scopeId(), node.incoming(),
                    node.outgoing(), node.defaultFlowId(), handler,
                    timer == null ? null : Map.of(timer.type().element(), timer.text()), message, errorCode, attachedTo,
                    cancelActivity);
        }
    }

    /**
     * A timer armed for an instance: a catch event's, or a boundary event's on the activity its token rests at.
     *
     * @param fired how often a cycle fired already
     */
    public record TimerView(String id, String nodeId, Instant armedAt, Instant dueAt, int fired, String tokenId) {
    }

    /** A message an instance waits for: at a catch event or receive task, or a boundary event's. */
    public record SubscriptionView(String id, String nodeId, String messageName, String correlationKey, String tokenId) {
    }

    public record FlowView(String id, String name, String source, String target, String condition) {
        static FlowView of(SequenceFlow flow) {
            return new FlowView(flow.id(), flow.name(), flow.sourceId(), flow.targetId(), flow.condition());
        }
    }

    public record TaskView(String id, String nodeId, String name, String scopeId) {
    }

    /**
     * A service task's job.
     *
     * @param attempts attempts that failed so far
     * @param dueAt when the next attempt may start; null while it has an incident
     * @param incident whether its attempts ran out (GET /incidents?instanceId= has it)
     */
    public record JobView(String id, String nodeId, String name, String scopeId, int attempts, Instant dueAt,
            String lastError, boolean incident) {
    }

    public record IncidentView(UUID id, String type, String message, JsonNode nodeIds, Instant createdAt) {
        static IncidentView of(IncidentRecord incident) {
            return new IncidentView(incident.id, incident.type, incident.message, nodeIds(incident.nodeIds), incident.createdAt);
        }

        private static JsonNode nodeIds(String json) {
            try {
                return FerryJson.mapper().readTree(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Unreadable node ids of an incident: " + json, e);
            }
        }
    }

    /**
     * @param migration what the next operation will do about the version, or null when nothing: PENDING (the view
     *     shows the migrated state; the move is stored with the next operation), BLOCKED, NO_PLAN or
     *     NEWER_THAN_DEPLOYMENT (the view shows the stored state)
     * @param migrations the migrations already applied, oldest first (from the history)
     */
    public record InstanceView(UUID id, String processId, String version, String storedVersion, String effectiveVersion,
            String status, String businessKey,
            long revision, ObjectNode variables, List<String> activeNodeIds, List<TaskView> tasks, List<JobView> jobs,
            List<TimerView> timers, List<SubscriptionView> messages,
            List<IncidentView> incidents, MigrationView migration, List<AppliedMigrationView> migrations,
            Instant createdAt, Instant updatedAt) {
    }

    public record MigrationView(String status, String fromVersion, String toVersion, List<String> plans,
            java.util.Map<String, String> movedNodeIds, List<UnplacedNodeView> unplacedNodes) {
    }

    public record UnplacedNodeView(String nodeId, String reason) {
    }

    public record AppliedMigrationView(String fromVersion, String toVersion, JsonNode plans, JsonNode movedNodeIds,
            Instant at) {
        static AppliedMigrationView of(HistoryEventRecord event) {
            return new AppliedMigrationView(event.data.path("fromVersion").asText(), event.data.path("toVersion").asText(),
                    event.data.path("plans"), event.data.path("movedNodeIds"), event.occurredAt);
        }
    }

    /**
     * An instance in a list.
     *
     * @param version the version stored in its row, which {@code ?version=} filters by (the same as {@code storedVersion})
     * @param storedVersion the version its stored state is at
     * @param effectiveVersion the version its next operation runs it at: the deployed version when shipped plans lead
     *     there from the stored one (the move is stored with that operation; {@code GET /instances/{id}} says whether it
     *     would block), else the stored version
     */
    public record InstanceSummary(UUID id, String processId, String version, String storedVersion, String effectiveVersion,
            String status, String businessKey, long revision, Instant createdAt, Instant updatedAt) {
        static InstanceSummary of(ListedInstance instance, String effectiveVersion) {
            return new InstanceSummary(instance.id(), instance.processId(), instance.version(), instance.version(),
                    effectiveVersion, instance.status(), instance.businessKey(), instance.revision(), instance.createdAt(),
                    instance.updatedAt());
        }
    }

    public record InstancePage(List<InstanceSummary> items, int page, int size, long total) {
    }

    public record HistoryEventView(long sequence, UUID id, String type, String nodeId, String tokenId, JsonNode data,
            Instant occurredAt, String correlationId, String causationId) {
        static HistoryEventView of(HistoryEventRecord event) {
            return new HistoryEventView(event.sequence, event.id, event.type, event.nodeId, event.tokenId, event.data,
                    event.occurredAt, event.correlationId, event.causationId);
        }
    }

    static List<TaskView> tasks(InstanceState state, ProcessDefinition definition) {
        return state.tokens().stream()
                .filter(token -> token.state() == TokenState.USER_TASK)
                .map(token -> new TaskView(token.id(), token.nodeId(),
                        definition == null ? null : definition.node(token.nodeId()).map(Node::name).orElse(null),
                        token.scopeId()))
                .toList();
    }

    static List<JobView> jobs(InstanceState state, ProcessDefinition definition) {
        return state.tokens().stream()
                .filter(token -> token.state() == TokenState.JOB)
                .map(token -> new JobView(token.id(), token.nodeId(),
                        definition == null ? null : definition.node(token.nodeId()).map(Node::name).orElse(null),
                        token.scopeId(), token.job().attempts(), token.job().dueAt(), token.job().lastError(),
                        token.job().incident()))
                .toList();
    }

    static List<TimerView> timers(InstanceState state) {
        return state.tokens().stream().flatMap(token -> token.timers().stream().map(timer -> new TimerView(
                timer.id(), timer.nodeId(), timer.armedAt(), timer.dueAt(), timer.fired(), token.id())))
                .toList();
    }

    static List<SubscriptionView> subscriptions(InstanceState state) {
        return state.tokens().stream().flatMap(token -> token.subscriptions().stream().map(subscription -> new SubscriptionView(
                subscription.id(), subscription.nodeId(), subscription.messageName(), subscription.correlationKey(), token.id())))
                .toList();
    }

    static List<String> activeNodeIds(InstanceState state) {
        return java.util.stream.Stream.concat(
                        state.scopes().stream().map(io.ferry.state.Scope::nodeId),
                        state.tokens().stream().map(io.ferry.state.Token::nodeId))
                .distinct()
                .toList();
    }
}
