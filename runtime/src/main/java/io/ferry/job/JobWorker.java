package io.ferry.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.config.FerryConfig;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.due.ClaimLoop;
import io.ferry.due.ClaimLoops;
import io.ferry.due.DueWork;
import io.ferry.execution.ExecutableProcess;
import io.ferry.operation.InstanceTransaction;
import io.ferry.operation.JobHandOff;
import io.ferry.operation.JobReports;
import io.ferry.operation.JobSlots;
import io.ferry.operation.OperationResult;
import io.ferry.operation.StaleTrigger;
import io.ferry.persistence.DueJobs;
import io.ferry.persistence.DueRows;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.StoredInstance;
import io.ferry.persistence.LoadedInstance;
import io.ferry.rollout.MigrationRefusal;
import io.ferry.service.BpmnError;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Token;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs service tasks' jobs, in every pod. A run claims a batch of due jobs (skipping those another
 * pod is claiming) with a lease, reading their instances in the same statement, and for each, in its
 * turn: takes its instance as read (migrated in memory when stored under an older version, nothing
 * written), calls the task's handler on a worker thread outside any
 * transaction with the job's idempotency key, and reports the result as an ordinary operation on the
 * instance, which completes the task or counts a failed attempt (due again after its back-off, or an
 * incident). What happened before the call is in the database (the claim), and what it gave is
 * stored by the report; a pod that dies between the two loses its claim when the lease ends, and
 * another pod calls the handler again with the same key: at least once.
 *
 * <p>The handler sees the instance as the claim read it, as a worker of Zeebe gets the variables with the jobs it
 * activates. A change to the instance since (while the job waited for its slot, or while the handler ran) fails the
 * report's revision check, and the report is applied again to a fresh read, as any operation's is; a job whose
 * instance moved on meanwhile (cancelled, say) is dropped as stale after the call.
 *
 * <p>A job that cannot be reported now (its instance's migration is blocked, the report lost five
 * races) keeps its claim until the lease ends and is tried again then. A job its instance no longer
 * has (completed, interrupted, cancelled) is forgotten.
 */
@ApplicationScoped
public class JobWorker {

    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    static final String HANDLER_NOT_FOUND = "no bean is annotated @ServiceTask(\"%s\"); deploy one, or correct the "
            + "handler name of service task '%s' in the BPMN, then retry the incident";
    static final String TIMED_OUT = "handler '%s' did not answer within %s (quarkus.ferry.jobs.timeout); its call may "
            + "still be running, and the job is tried again after its back-off with the same idempotency key";
    static final String TIMEOUT_NOT_UNDER_LEASE = "quarkus.ferry.jobs.timeout (%s) is not shorter than quarkus.ferry.jobs.lease "
            + "(%s): another pod may take a job over while its first call still runs, before that call counts as failed";
    static final String TASK_TIMEOUT_NOT_UNDER_LEASE = "ferry:timeout of '%s' in process '%s' (%s) is not shorter than "
            + "quarkus.ferry.jobs.lease (%s): another pod may take its job over while its first call still runs";
    static final String OUTPUT_NOT_JSON = "handler '%s' returned output that cannot be stored as JSON: %s; return only "
            + "strings, numbers, booleans, lists and maps of them";

    /** What one run did. */
    public record Report(int completed, int failed, int stale, int deferred) {
    }

    /** What became of a claimed job; in lower case, the {@code result} of {@code ferry.jobs.run}. */
    private enum Result { COMPLETED, FAILED, STALE, DEFERRED }

    @Inject
    DueJobs jobs;
    @Inject
    InstanceMarshaller marshaller;
    @Inject
    JobReports reports;
    @Inject
    DeployedProcesses processes;
    @Inject
    ServiceTaskHandlerBeans handlers;
    @Inject
    ObjectMapper json;
    @Inject
    FerryConfig config;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    JobSlots slots;
    @Inject
    ClaimLoops loops;

    private ClaimLoop<Result> loop;
    /** One run at a time per pod: a nudge during a run asks for another run after it. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** Creates the claim loop, and warns about time limits another pod's takeover would overtake. */
    @PostConstruct
    void start() {
        loop = loops.create(DueWork.JOBS, jobs, Result.class);
        if (config.jobs().timeout().compareTo(config.jobs().lease()) >= 0) {
            LOG.warnf(TIMEOUT_NOT_UNDER_LEASE, config.jobs().timeout(), config.jobs().lease());
        }
        for (ExecutableProcess process : processes.all()) {
            for (Node node : process.definition().nodes()) {
                if (node.details() instanceof NodeDetails.ServiceTask task && task.timeout() != null
                        && task.timeout().compareTo(config.jobs().lease()) >= 0) {
                    LOG.warnf(TASK_TIMEOUT_NOT_UNDER_LEASE, node.id(), process.id(), task.timeout(), config.jobs().lease());
                }
            }
        }
    }

    @Scheduled(identity = "ferry-jobs", every = "${quarkus.ferry.jobs.poll-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return loop.poll(() -> {
            nudge();
            return Uni.createFrom().voidItem();
        });
    }

    /** An operation of this pod stored a due job: run at once rather than at the next poll. */
    void jobsDue(@Observes JobHandOff.JobsDue event) {
        if (!loop.stopping() && !"off".equals(config.jobs().pollEvery())) {
            nudge();
        }
    }

    /**
     * An operation of this pod stored jobs already claimed for it: each runs now, in the slot the operation took
     * for it, on the instance as the operation stored it.
     */
    void handedOff(@Observes JobHandOff.JobsHandedOff event) {
        metrics.counter("ferry.jobs.handed.off").increment(event.jobs().size());
        for (DueRows.Claimed job : event.jobs()) {
            Uni.createFrom().deferred(() -> run(job, event.instance(), event.current()))
                    .onFailure().recoverWithUni(failure -> deferred(job, failure))
                    .eventually(() -> slots.giveBack(1))
                    .subscribe().with(result -> loop.count(List.of(result)),
                            failure -> LOG.warnf("Job %s of instance %s: its run failed: %s", job.id(), job.instanceId(),
                                    failure.getMessage()));
        }
    }

    /**
     * The pod is stopping: no more runs and no more jobs handed over, and the claimed jobs still waiting for a slot are
     * let go, so that another pod runs them at once rather than when their lease ends. Jobs already running finish
     * (or are taken over when the lease ends, if the pod is gone first).
     */
    void stop(@Observes ShutdownEvent event) {
        slots.close();
        loop.stop();
    }

    /** Starts a run unless one is under way, which then runs again when it ends. */
    private void nudge() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        runDue().subscribe().with(report -> finished(report.completed() + report.failed() + report.stale() + report.deferred()),
                failure -> {
                    if (!loop.stopping()) {
                        LOG.warnf("Jobs: a run failed and is tried at the next poll: %s", failure.getMessage());
                    }
                    running.set(false);
                });
    }

    private void finished(int claimed) {
        running.set(false);
        if (!loop.stopping() && (again.getAndSet(false) || claimed >= config.jobs().batchSize())) {
            nudge();
        }
    }

    /**
     * Claims the jobs due by the clock's now and runs them, each in a handler slot of this pod's ({@link JobSlots}:
     * as many at a time as configured, jobs handed over by this pod's operations included).
     */
    public Uni<Report> runDue() {
        Instant now = clock.instant();
        ClaimLoop.Turn slot = new ClaimLoop.Turn(slots::take, () -> slots.giveBack(1));
        return loop.runInTurn(jobs.claimReading(now, config.jobs().lease(), config.jobs().batchSize()), DueJobs.ClaimedJob::job,
                        slot, Integer.MAX_VALUE, claimed -> run(claimed.job(), claimed.instance()), Result.DEFERRED)
                .map(results -> new Report(ClaimLoop.count(results, Result.COMPLETED), ClaimLoop.count(results, Result.FAILED),
                        ClaimLoop.count(results, Result.STALE), ClaimLoop.count(results, Result.DEFERRED)));
    }

    /** Runs a claimed job on its instance as the claim read it (null: the instance is gone). */
    private Uni<Result> run(DueRows.Claimed job, StoredInstance stored) {
        if (stored == null) {
            return forget(job);
        }
        return Uni.createFrom().deferred(() -> {
            LoadedInstance loaded;
            try {
                loaded = marshaller.unmarshal(stored.row());
            } catch (RuntimeException cannotLoad) {
                return deferred(job, cannotLoad);
            }
            Optional<MigrationRefusal> refused = MigrationRefusal.of(stored.row(), loaded.migration());
            if (refused.isPresent()) {
                return deferred(job, refused.get().problem().detail());
            }
            return run(job, stored, loaded);
        }).onFailure().recoverWithUni(failure -> deferred(job, failure));
    }

    /** Runs a claimed job of the instance as read (or as its operation stored it), and reports what the handler gave. */
    private Uni<Result> run(DueRows.Claimed job, StoredInstance stored, LoadedInstance loaded) {
        InstanceState state = loaded.state();
        Optional<Token> token = state.tokens().stream()
                .filter(waiting -> waiting.id().equals(job.id()) && waiting.job() != null && !waiting.job().incident())
                .findFirst();
        Optional<ExecutableProcess> process = processes.at(state.processId(), state.version());
        if (state.status() != InstanceStatus.ACTIVE || token.isEmpty()) {
            return forget(job);
        }
        if (process.isEmpty()) {
            return deferred(job, new IllegalStateException("process " + state.processId() + " version " + state.version()
                    + " is not deployed in this pod"));
        }
        Node node = process.get().definition().requireNode(token.get().nodeId());
        ServiceTaskContext context = new ServiceTaskContext(job.instanceId().toString(), state.processId(), node.id(),
                token.get().id(), job.instanceId() + ":" + token.get().id(), state.variables().deepCopy(),
                token.get().job().attempts() + 1);
        return call(node, context).chain(called -> report(job, called, stored));
    }

    /** What a handler's call gave: its output, or why it failed, or the BPMN error it raised. */
    private record Called(ObjectNode output, String error, String errorCode) {

        Called(ObjectNode output, String error) {
            this(output, error, null);
        }
    }

    /**
     * Calls the handler on a worker thread and comes back to the caller's Vert.x context, if any. A call that has
     * not answered within the timeout is a failed attempt; its late answer, if any, is ignored.
     */
    private Uni<Called> call(Node node, ServiceTaskContext context) {
        Context vertx = Vertx.currentContext();
        Uni<Called> called = vertx == null
                ? Uni.createFrom().item(() -> callNow(node, context)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                : Uni.createFrom().completionStage(() -> vertx.executeBlocking(() -> callNow(node, context), false).toCompletionStage());
        Duration own = node.details(NodeDetails.ServiceTask.class).timeout();
        Duration timeout = own != null ? own : config.jobs().timeout();
        return called.ifNoItem().after(timeout).recoverWithItem(() -> new Called(null,
                TIMED_OUT.formatted(node.details(NodeDetails.ServiceTask.class).handler(), timeout)));
    }

    private Called callNow(Node node, ServiceTaskContext context) {
        String name = node.details(NodeDetails.ServiceTask.class).handler();
        Optional<ServiceTaskHandler> handler = handlers.find(name);
        if (handler.isEmpty()) {
            return new Called(null, HANDLER_NOT_FOUND.formatted(name, node.id()));
        }
        Map<String, Object> output;
        try {
            output = handler.get().execute(context);
        } catch (BpmnError e) {
            return new Called(null, e.getMessage(), e.errorCode());
        } catch (Exception e) {
            return new Called(null, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
        try {
            return new Called(json.valueToTree(output == null ? Map.of() : output), null);
        } catch (IllegalArgumentException e) {
            return new Called(null, OUTPUT_NOT_JSON.formatted(name, e.getMessage()));
        }
    }

    /** Reports what the call gave, as an operation on the instance as it was read before the call. */
    private Uni<Result> report(DueRows.Claimed job, Called called, StoredInstance read) {
        Uni<OperationResult<InstanceTransaction.Stored>> reported;
        if (called.errorCode() != null) {
            reported = reports.raisedError(job.instanceId(), job.id(), called.errorCode(), called.error(), read);
        } else if (called.error() == null) {
            reported = reports.completed(job.instanceId(), job.id(), called.output(), read);
        } else {
            reported = reports.failed(job.instanceId(), job.id(), called.error(), read);
        }
        Result done = called.error() == null || called.errorCode() != null ? Result.COMPLETED : Result.FAILED;
        return reported.chain(result -> result.fold(stored -> Uni.createFrom().item(done),
                refused -> StaleTrigger.refused(refused) ? forget(job) : deferred(job, refused.problem().detail())));
    }

    private Uni<Result> forget(DueRows.Claimed job) {
        return jobs.forget(job).replaceWith(Result.STALE);
    }

    private Uni<Result> deferred(DueRows.Claimed job, Throwable failure) {
        return deferred(job, failure.getMessage());
    }

    private Uni<Result> deferred(DueRows.Claimed job, String why) {
        LOG.warnf("Job %s of instance %s could not run or report now; tried again after %s: %s", job.id(), job.instanceId(),
                job.claimedUntil(), why);
        return Uni.createFrom().item(Result.DEFERRED);
    }
}
