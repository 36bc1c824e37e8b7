package io.ferry.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.ferry.service.ServiceTaskHandlers;
import java.util.Map;
import java.util.Optional;

/**
 * A service task calls its handler synchronously and merges the returned variables. A missing
 * handler or a failing call refuses the whole operation, so it can be retried as it was.
 */
final class ServiceTaskProcessor implements NodeProcessor {

    private final ServiceTaskHandlers handlers;
    private final ObjectMapper json;

    ServiceTaskProcessor(ServiceTaskHandlers handlers, ObjectMapper json) {
        this.handlers = handlers;
        this.json = json;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        String name = node.details(NodeDetails.ServiceTask.class).handler();
        Optional<ServiceTaskHandler> handler = name == null ? Optional.empty() : handlers.find(name);
        if (handler.isEmpty()) {
            return Optional.of(Refusal.handlerNotFound(node));
        }
        Map<String, Object> output;
        try {
            output = handler.get().execute(contextFor(node, token, run));
        } catch (Exception e) {
            return Optional.of(Refusal.serviceTaskFailed(node, e));
        }
        ObjectNode outputJson;
        try {
            outputJson = json.valueToTree(output == null ? Map.of() : output);
        } catch (IllegalArgumentException e) {
            return Optional.of(Refusal.serviceTaskOutputNotJson(node, e));
        }
        run.mergeVariables(outputJson);
        run.record(EngineEvent.SERVICE_TASK_COMPLETED, node.id(), token.id(), outputJson);
        return run.leaveActivity(node, token);
    }

    // The token id is new for every activation and the same when a refused operation is retried.
    private static ServiceTaskContext contextFor(Node node, MovingToken token, Run run) {
        return new ServiceTaskContext(run.instanceId(), run.process().id(), node.id(), token.id(),
                run.instanceId() + ":" + token.id(), run.variables().deepCopy());
    }
}
