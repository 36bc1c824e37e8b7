package io.ferry.timer;

import io.ferry.catalog.DeployedProcesses;
import io.ferry.config.FerryConfig;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.TimerDefinition;
import io.ferry.due.ClaimLoop;
import io.ferry.due.ClaimLoops;
import io.ferry.due.DueWork;
import io.ferry.execution.ExecutableProcess;
import io.ferry.operation.Causation;
import io.ferry.operation.InstanceStarts;
import io.ferry.operation.StaleTrigger;
import io.ferry.operation.TimerFiring;
import io.ferry.persistence.DueRows;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Fires due timers, in every pod. A poll claims a batch of due rows (skipping those another pod is
 * claiming), then fires them one after another, earliest first, each as an ordinary operation on its
 * instance: loaded, migrated when stored under an older version, fired, and stored with its history
 * and its next timers in one statement under the revision it read. A timer whose instance no longer
 * has it armed (another pod fired it after a lease ran out, or its task was completed) fires nothing
 * and its row is removed; one that cannot fire now (a blocked migration, a failing condition) keeps
 * its claim until the lease runs out and is tried again after that: the lease is its back-off, and
 * timers that keep failing never crowd out the others due after them. A pod that stops lets go of the
 * timers it claimed and had not fired yet, so that another pod fires them at once rather than when the
 * lease runs out ({@link ClaimLoop}).
 */
@ApplicationScoped
public class TimerPoller {

    private static final Logger LOG = Logger.getLogger(TimerPoller.class);

    /** What one poll did; {@code started}: instances started by timer start events. */
    public record Report(int fired, int stale, int failed, int started) {
    }

    @Inject
    DueTimers timers;
    @Inject
    TimerFiring firing;
    @Inject
    InstanceStarts starts;
    @Inject
    FerryConfig config;
    @Inject
    Clock clock;
    @Inject
    ClaimLoops loops;
    @Inject
    StartTimers startTimers;
    @Inject
    DeployedProcesses processes;

    /** Whether this pod registered the timer start events of its processes yet. */
    private final AtomicBoolean registered = new AtomicBoolean();

    private ClaimLoop<Result> loop;

    /** What became of a claimed timer; in lower case, the {@code result} of {@code ferry.timers.polled}. */
    private enum Result { FIRED, STALE, FAILED, STARTED, RELEASED }

    @PostConstruct
    void createLoop() {
        loop = loops.create(DueWork.TIMERS, timers, Result.class);
    }

    @Scheduled(identity = "ferry-timers", every = "${quarkus.ferry.timers.poll-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return loop.poll(() -> fireDue().invoke(report -> {
            if (report.failed() > 0) {
                LOG.warnf("Timers: %d fired, %d no longer armed, %d could not fire and will be tried when their lease ends",
                        report.fired(), report.stale(), report.failed());
            }
        }).replaceWithVoid());
    }

    /** The pod is stopping: no more polls, and the claimed timers not fired yet are let go for other pods to fire. */
    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    /**
     * Claims the timers due by the clock's now and fires them, earliest first; then starts the
     * instances of the timer start events that are due.
     */
    public Uni<Report> fireDue() {
        Instant now = clock.instant();
        return registerStartTimers(now)
                .chain(() -> loop.runInTurn(timers.claim(now, config.timers().lease(), config.timers().batchSize()),
                        timer -> timer, ClaimLoop.Turn.ANY_TIME, 1, this::fire, Result.RELEASED))
                .chain(results -> startTimers.claim(now, config.timers().lease(), config.timers().batchSize())
                        .chain(due -> Multi.createFrom().iterable(due)
                                .onItem().transformToUniAndConcatenate(this::start)
                                .collect().asList())
                        .map(started -> {
                            List<Result> starts = started.stream().filter(Boolean::booleanValue).map(yes -> Result.STARTED).toList();
                            loop.count(starts);
                            return new Report(ClaimLoop.count(results, Result.FIRED), ClaimLoop.count(results, Result.STALE),
                                    ClaimLoop.count(results, Result.FAILED), starts.size());
                        }));
    }

    /** Once per pod: arms a row for each timer start event of the deployed processes, keeping unchanged ones as they are. */
    private Uni<Void> registerStartTimers(Instant now) {
        if (registered.get()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> registrations = new ArrayList<>();
        for (ExecutableProcess process : processes.all()) {
            for (Node node : process.definition().nodes()) {
                if (node.kind() == NodeKind.TIMER_START_EVENT) {
                    TimerDefinition timer = node.details(NodeDetails.Timer.class).timer();
                    registrations.add(startTimers.register(process.id(), node.id(), describe(timer),
                            timer.schedule().firstDue(now)));
                }
            }
        }
        if (registrations.isEmpty()) {
            registered.set(true);
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(registrations).andFailFast().invoke(() -> registered.set(true)).replaceWithVoid();
    }

    private static String describe(TimerDefinition timer) {
        return timer.type().element() + ":" + timer.text();
    }

    /** Starts the instance of a due timer start event and moves its row on; false when this pod cannot (another version). */
    private Uni<Boolean> start(StartTimers.Due due) {
        Optional<ExecutableProcess> process = processes.find(due.processId());
        Optional<Node> node = process.flatMap(found -> found.definition().node(due.nodeId()))
                .filter(found -> found.kind() == NodeKind.TIMER_START_EVENT)
                .filter(found -> describe(found.details(NodeDetails.Timer.class).timer()).equals(due.definition()));
        if (node.isEmpty()) {
            LOG.warnf("Timer start event %s of process %s (%s) is not deployed as such in this pod; another pod starts it",
                    due.nodeId(), due.processId(), due.definition());
            return Uni.createFrom().item(false);
        }
        TimerDefinition timer = node.get().details(NodeDetails.Timer.class).timer();
        Instant next = timer.type() == TimerDefinition.Type.CYCLE
                ? timer.schedule().nextDue(due.dueAt(), due.fired() + 1).orElse(null) : null;
        String key = "timer-start:" + due.nodeId() + ":" + due.dueAt();
        return starts.startByTimer(process.get(), due.nodeId(), key, Causation.ofPod())
                .chain(result -> result.fold(started -> startTimers.fired(due, next).replaceWith(true), refused -> {
                    notStarted(due, refused.problem().detail());
                    return Uni.createFrom().item(false);
                }))
                .onFailure().recoverWithItem(failure -> {
                    notStarted(due, failure.getMessage());
                    return false;
                });
    }

    private static void notStarted(StartTimers.Due due, String why) {
        LOG.warnf("Timer start event %s of process %s (due %s) could not start an instance; tried again when its "
                + "claim runs out: %s", due.nodeId(), due.processId(), due.dueAt(), why);
    }

    private Uni<Result> fire(DueRows.Claimed timer) {
        return firing.fire(timer.instanceId(), timer.id())
                .chain(result -> result.fold(stored -> Uni.createFrom().item(Result.FIRED), refused -> StaleTrigger.refused(refused)
                        ? timers.forget(timer).replaceWith(Result.STALE)
                        : Uni.createFrom().item(notFired(timer, refused.problem().detail()))))
                .onFailure().recoverWithItem(failure -> notFired(timer, failure.getMessage()));
    }

    private static Result notFired(DueRows.Claimed timer, String why) {
        LOG.warnf("Timer %s of instance %s (due %s) could not fire; tried again after %s: %s", timer.id(),
                timer.instanceId(), timer.dueAt(), timer.claimedUntil(), why);
        return Result.FAILED;
    }
}
