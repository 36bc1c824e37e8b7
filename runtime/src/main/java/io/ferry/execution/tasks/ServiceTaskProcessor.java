package io.ferry.execution.tasks;

import io.ferry.definition.Node;
import io.ferry.execution.EngineEvent;
import io.ferry.execution.Refusal;
import io.ferry.execution.behaviours.BoundaryEventBehaviour;
import io.ferry.execution.behaviours.ErrorBehaviour;
import io.ferry.execution.behaviours.JobBehaviour;
import io.ferry.execution.lifecycle.ElementProcessor;
import io.ferry.execution.lifecycle.MovingToken;
import io.ferry.execution.lifecycle.Run;
import io.ferry.execution.lifecycle.Trigger;
import io.ferry.state.Job;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.Optional;

/**
 * A service task (and the send, script and business-rule tasks and message throw and end events that
 * Ferry runs the same way) is a job. The token waits at the task with its job, due at once, and its
 * boundary events armed; a worker outside the operation calls the handler and reports back ({@link
 * io.ferry.service.ServiceTaskHandler}). The engine itself never calls a handler: it stays pure.
 *
 * <p>Triggers: the handler returned (or an operator resolved the incident) — the output is merged and
 * the task is left; an attempt failed — due again after a back-off, or an incident; the handler
 * raised a BPMN error — the error boundary event that catches it takes over, else an incident; an
 * operator retried — due now with more attempts.
 */
public final class ServiceTaskProcessor implements ElementProcessor {

    private final BoundaryEventBehaviour boundaryEvents;
    private final JobBehaviour jobs;
    private final ErrorBehaviour errors;

    public ServiceTaskProcessor(BoundaryEventBehaviour boundaryEvents, JobBehaviour jobs, ErrorBehaviour errors) {
        this.boundaryEvents = boundaryEvents;
        this.jobs = jobs;
        this.errors = errors;
    }

    @Override
    public Optional<Refusal> onArrival(Node node, MovingToken token, Run run) {
        BoundaryEventBehaviour.Armed boundaries = boundaryEvents.arm(node, token.id(), run);
        if (boundaries.refusal() != null) {
            return Optional.of(boundaries.refusal());
        }
        Job job = jobs.create(node, token.id(), run);
        run.rest(token, TokenState.JOB, boundaries.timers(), job, boundaries.subscriptions());
        return Optional.empty();
    }

    @Override
    public Optional<Refusal> onTrigger(Node node, Token waiting, Trigger trigger, Run run) {
        return trigger.accept(new Trigger.Visitor<>() {
            @Override
            public Optional<Refusal> taskCompleted(Trigger.TaskCompleted unexpected) {
                throw Trigger.unexpected(node, unexpected);
            }

            @Override
            public Optional<Refusal> jobReport(Trigger.JobReport report) {
                return report.accept(new Reports(node, waiting, run));
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

    /** What each report on the job does to the token waiting with it. */
    private final class Reports implements Trigger.JobReport.Visitor<Optional<Refusal>> {

        private final Node node;
        private final Token waiting;
        private final Run run;

        Reports(Node node, Token waiting, Run run) {
            this.node = node;
            this.waiting = waiting;
            this.run = run;
        }

        /** The output is merged and the task is left. */
        @Override
        public Optional<Refusal> completed(Trigger.JobReport.Completed completed) {
            MovingToken token = run.wake(waiting);
            run.mergeVariables(completed.output());
            run.record(completed.byOperator() ? EngineEvent.INCIDENT_RESOLVED : EngineEvent.SERVICE_TASK_COMPLETED,
                    node.id(), token.id(), completed.output().deepCopy());
            return run.leaveActivity(node, token);
        }

        @Override
        public Optional<Refusal> failed(Trigger.JobReport.Failed failed) {
            jobs.fail(waiting, failed.error(), run);
            return Optional.empty();
        }

        /** The error boundary event that catches it takes over; else an incident, as a retry would raise it again. */
        @Override
        public Optional<Refusal> errored(Trigger.JobReport.Errored error) {
            String message = error.message() == null ? "" : error.message();
            run.record(EngineEvent.ERROR_THROWN, node.id(), waiting.id(), ErrorBehaviour.thrown(error.errorCode(), message));
            if (!errors.throwFrom(waiting, error.errorCode(), run)) {
                jobs.incident(waiting, "BPMN error '" + error.errorCode() + "' (" + message + ") is caught by no error boundary event", run);
            }
            return Optional.empty();
        }

        @Override
        public Optional<Refusal> retried(Trigger.JobReport.Retried retried) {
            jobs.retry(waiting, retried.attempts(), run);
            return Optional.empty();
        }
    }
}
