package io.ferry.execution.tasks;

import io.ferry.definition.Node;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.BoundaryEventBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Trigger;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.Optional;

/**
 * A user task: the token waits, with its boundary events armed, until someone completes the task;
 * the task id is the token id. Completing it merges the given variables and leaves the task.
 */
public final class UserTaskProcessor implements ElementProcessor {

    private final BoundaryEventBehaviour boundaryEvents;

    public UserTaskProcessor(BoundaryEventBehaviour boundaryEvents) {
        this.boundaryEvents = boundaryEvents;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        run.record(EngineEvent.TASK_CREATED, node.id(), token.id());
        BoundaryEventBehaviour.Armed boundaries = boundaryEvents.arm(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        run.rest(token, TokenState.USER_TASK, boundaries.timers(), null, boundaries.subscriptions());
        return Optional.empty();
    }

    @Override
    public Optional<Refusal> onTrigger(Node node, Token task, Trigger trigger, Run run) {
        return trigger.accept(new Trigger.Visitor<>() {
            @Override
            public Optional<Refusal> taskCompleted(Trigger.TaskCompleted completed) {
                MovingToken token = run.wake(task);
                run.mergeVariables(completed.variables());
                run.record(EngineEvent.TASK_COMPLETED, node.id(), token.id(), completed.variables().deepCopy());
                return run.leaveActivity(node, token);
            }

            @Override
            public Optional<Refusal> jobReport(Trigger.JobReport unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }

            @Override
            public Optional<Refusal> messageCorrelated(Trigger.MessageCorrelated unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }

            @Override
            public Optional<Refusal> timerFired(Trigger.TimerFired unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }
        });
    }
}
