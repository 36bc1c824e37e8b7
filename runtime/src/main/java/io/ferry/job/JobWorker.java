package io.ferry.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.config.FerryConfig;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.RefusalReason;
import io.ferry.instance.Command;
import io.ferry.instance.InstanceOperations;
import io.ferry.instance.JobSlots;
import io.ferry.persistence.DueJobs;
import io.ferry.persistence.DueRows;
import io.ferry.persistence.InstanceMarshaller;
import io.ferry.persistence.LagGauges;
import io.ferry.persistence.StoredInstance;
import io.ferry.persistence.LoadedInstance;
import io.ferry.problem.ProblemException;
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
import io.smallrye.mutiny.Multi;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private enum Result { COMPLETED, FAILED, STALE, DEFERRED }

    @Inject
    DueJobs jobs;
    @Inject
    InstanceMarshaller marshaller;
    @Inject
    InstanceOperations operations;
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

    private LagGauges lag;
    /** One run at a time per pod: a nudge during a run asks for another run after it. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** Claimed jobs waiting for a handler slot. */
    private final Set<DueRows.Claimed> waiting = ConcurrentHashMap.newKeySet();
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);
    private volatile boolean stopping;

    /** Registers the lag gauges, and warns about time limits another pod's takeover would overtake. */
    @PostConstruct
    void start() {
        lag = new LagGauges(metrics, "ferry.jobs");
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

    @Scheduled(identity = "ferry-jobs", every = "${quarkus.ferry.jobs.poll-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        nudge();
        Instant now = clock.instant();
        return jobs.backlog(now).invoke(backlog -> lag.update(backlog, now)).replaceWithVoid().onFailure(failure -> stopping).recoverWithNull();
    }

    /** An operation of this pod stored a due job: run at once rather than at the next poll. */
    void jobsDue(@Observes InstanceOperations.JobsDue event) {
        if (!stopping && !"off".equals(config.jobs().pollEvery())) {
            nudge();
        }
    }

    /**
     * An operation of this pod stored jobs already claimed for it: each runs now, in the slot the operation took
     * for it, on the instance as the operation stored it.
     */
    void handedOff(@Observes InstanceOperations.JobsHandedOff event) {
        metrics.counter("ferry.jobs.handed.off").increment(event.jobs().size());
        for (DueRows.Claimed job : event.jobs()) {
            Uni.createFrom().deferred(() -> run(job, event.instance(), event.current()))
                    .onFailure().recoverWithUni(failure -> deferred(job, failure))
                    .eventually(() -> slots.giveBack(1))
                    .subscribe().with(result -> report(List.of(result)),
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
        stopping = true;
        slots.close();
        List<DueRows.Claimed> notStarted = List.copyOf(waiting);
        waiting.removeAll(notStarted);
        try {
            jobs.release(notStarted).await().atMost(RELEASE_TIMEOUT);
            if (!notStarted.isEmpty()) {
                LOG.infof("Stopping: let go of %d claimed jobs that had not started; other pods run them", notStarted.size());
            }
        } catch (RuntimeException failure) {
            LOG.warnf("Stopping: could not let go of %d claimed jobs (%s); other pods run them when their lease ends",
                    notStarted.size(), failure.getMessage());
        }
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
                    if (!stopping) {
                        LOG.warnf("Jobs: a run failed and is tried at the next poll: %s", failure.getMessage());
                    }
                    running.set(false);
                });
    }

    private void finished(int claimed) {
        running.set(false);
        if (!stopping && (again.getAndSet(false) || claimed >= config.jobs().batchSize())) {
            nudge();
        }
    }

    /**
     * Claims the jobs due by the clock's now and runs them, each in a handler slot of this pod's ({@link JobSlots}:
     * as many at a time as configured, jobs handed over by this pod's operations included).
     */
    public Uni<Report> runDue() {
        Instant now = clock.instant();
        return jobs.claimReading(now, config.jobs().lease(), config.jobs().batchSize())
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(job -> inTurn(job).eventually(() -> slots.giveBack(1)))
                        .merge(Math.max(1, claimed.size()))
                        .collect().asList())
                .map(this::report);
    }

    /** Runs a claimed job once it has a slot, unless the pod let go of it while it waited (it is stopping). */
    private Uni<Result> inTurn(DueJobs.ClaimedJob claimed) {
        DueRows.Claimed job = claimed.job();
        waiting.add(job);
        return slots.take().chain(() -> waiting.remove(job) ? run(job, claimed.instance()) : Uni.createFrom().item(Result.DEFERRED));
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
                MigrationRefusal.check(stored.row(), loaded.migration());
            } catch (RuntimeException cannotLoad) {
                return deferred(job, cannotLoad);
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
        Optional<ExecutableProcess> process = processes.find(state.processId())
                .filter(found -> found.version().equals(state.version()));
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
        Command command = Command.of(null, null);
        Uni<InstanceOperations.Stored> reported;
        if (called.errorCode() != null) {
            reported = operations.throwError(job.instanceId(), job.id(), called.errorCode(), called.error(), command, read);
        } else if (called.error() == null) {
            reported = operations.completeJob(job.instanceId(), job.id(), called.output(), command, read);
        } else {
            reported = operations.failJob(job.instanceId(), job.id(), called.error(), command, read);
        }
        return reported.replaceWith(called.error() == null || called.errorCode() != null ? Result.COMPLETED : Result.FAILED)
                .onFailure(JobWorker::isStale).recoverWithUni(() -> forget(job));
    }

    private Uni<Result> forget(DueRows.Claimed job) {
        return jobs.forget(job).replaceWith(Result.STALE);
    }

    private Uni<Result> deferred(DueRows.Claimed job, Throwable failure) {
        LOG.warnf("Job %s of instance %s could not run or report now; tried again after %s: %s", job.id(), job.instanceId(),
                job.claimedUntil(), failure.getMessage());
        return Uni.createFrom().item(Result.DEFERRED);
    }

    /** The instance no longer has the job running: it completed, has an incident, or is gone. */
    private static boolean isStale(Throwable failure) {
        if (!(failure instanceof ProblemException problem)) {
            return false;
        }
        Object reason = problem.problem().extensionMembers().get("reason");
        return RefusalReason.JOB_NOT_FOUND.name().equals(reason) || RefusalReason.JOB_HAS_INCIDENT.name().equals(reason)
                || RefusalReason.INSTANCE_NOT_ACTIVE.name().equals(reason);
    }

    private Report report(List<Result> results) {
        for (Result result : Result.values()) {
            long count = results.stream().filter(found -> found == result).count();
            if (count > 0) {
                metrics.counter("ferry.jobs.run", "result", result.name().toLowerCase(Locale.ROOT)).increment(count);
            }
        }
        return new Report(count(results, Result.COMPLETED), count(results, Result.FAILED), count(results, Result.STALE),
                count(results, Result.DEFERRED));
    }

    private static int count(List<Result> results, Result wanted) {
        return (int) results.stream().filter(result -> result == wanted).count();
    }
}
