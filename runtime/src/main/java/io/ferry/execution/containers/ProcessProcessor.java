package io.ferry.execution.containers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.TerminationBehaviour;
import io.ferry.execution.lifecycle.ContainerProcessor;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Termination;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Scope;
import java.util.Optional;

/**
 * The process itself, the outermost container. A path ending at process level changes nothing at
 * once: the instance completes when the operation is quiet and nothing runs in it any more. A cancel
 * terminates everything in it.
 */
public final class ProcessProcessor implements ContainerProcessor {

    private final TerminationBehaviour termination;

    public ProcessProcessor(TerminationBehaviour termination) {
        this.termination = termination;
    }

    @Override
    public Optional<Refusal> onChildPathEnded(Scope scope, Run run) {
        return Optional.empty();
    }

    /** The operation is quiet: an instance in which nothing runs any more completes. */
    public void onQuiet(Run run) {
        if (run.status() == InstanceStatus.ACTIVE && run.nothingLeft()) {
            run.finish(InstanceStatus.COMPLETED, EngineEvent.INSTANCE_COMPLETED, JsonNodeFactory.instance.objectNode());
        }
    }

    /**
     * Cancels the instance: every element in it is terminated ({@code NodeTerminated}, cause {@code
     * cancel}), then {@code InstanceCancelled} lists the nodes that were active.
     */
    public void cancel(Run run) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        ArrayNode activeNodes = data.putArray("activeNodes");
        run.activeNodeIds().forEach(activeNodes::add);
        termination.terminateContents(null, Termination.byCancel(), run);
        run.finish(InstanceStatus.CANCELLED, EngineEvent.INSTANCE_CANCELLED, data);
    }
}
