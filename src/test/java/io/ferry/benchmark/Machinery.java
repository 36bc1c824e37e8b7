package io.ferry.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pods do by themselves, measured: the jobs their workers ran while clients completed
 * {@code approveOrder} (each completion creates a payment job), and how fast a pod fires due timers.
 */
final class Machinery {

    private static final Pattern FIRED = Pattern.compile("\"fired\":(\\d+)");
    private static final Pattern DUE = Pattern.compile("\"due\":(\\d+)");
    private static final Pattern HANDED_OFF = Pattern.compile("(?m)^ferry_jobs_handed_off_total(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern RUN_COMPLETED = Pattern.compile("(?m)^ferry_jobs_run_total\\{[^}]*result=\"completed\"[^}]*} (\\S+)$");
    /** The deadline of every invoice the timer phase starts: due one second after its start. */
    private static final String INVOICE = "{\"variables\":{\"amount\":120,\"reminders\":\"R1/PT24H\","
            + "\"payWithin\":\"PT1S\",\"coolingOff\":\"P14D\"}}";

    /**
     * Jobs completed by the workers during a phase of {@code elapsed}, how long the rest took to run after it, and
     * how many had run by then: one per completion of the phase, warm-up included; {@code handedOff} of those were
     * handed to the workers by the completion that made them due (the rest the workers claimed).
     */
    record Jobs(long completed, Duration elapsed, Duration drainedAfter, long completedByTheEnd, long handedOff) {
        double perSecond() {
            return completed / (elapsed.toNanos() / 1e9);
        }

        /** These jobs and those of another completion phase, as if of one phase as long as both. */
        Jobs plus(Jobs other) {
            return new Jobs(completed + other.completed, elapsed.plus(other.elapsed), drainedAfter.plus(other.drainedAfter),
                    completedByTheEnd + other.completedByTheEnd, handedOff + other.handedOff);
        }

        /** Completions whose payment job had run too, per second of the phase and the drain after it. */
        double completionsWithTheirJobsPerSecond() {
            return completedByTheEnd / (elapsed.plus(drainedAfter).toNanos() / 1e9);
        }
    }

    /**
     * A pod started on a backlog of due jobs (a worker pod after a rollout, or catching up after an outage): the jobs
     * it ran in the measured window, after a warm-up, with the CPU used; {@code dueAfter} jobs were still due at the
     * window's end (none: the backlog ran out within it, and the rate is a lower bound).
     */
    record Drain(long completed, Duration elapsed, long dueAfter, CpuMeter.Use cpu) {
        double perSecond() {
            return completed / (elapsed.toNanos() / 1e9);
        }

        Drain plus(Drain other) {
            return new Drain(completed + other.completed, elapsed.plus(other.elapsed), Math.min(dueAfter, other.dueAfter),
                    cpu == null || other.cpu == null ? null : cpu.plus(other.cpu));
        }
    }

    /** {@code fired} timers fired by {@code callers} concurrent firing calls in {@code elapsed}. */
    record Timers(long fired, Duration elapsed, int callers) {
        double perSecond() {
            return fired / (elapsed.toNanos() / 1e9);
        }
    }

    private Machinery() {
    }

    static long jobsCompleted(Database database) throws Exception {
        return database.count("select count(*) from ferry_history_event where type = 'ServiceTaskCompleted'");
    }

    /** How many jobs the app's operations have handed to its own workers so far ({@code ferry_jobs_handed_off_total}). */
    static long jobsHandedOff(AppProcess app) throws Exception {
        Matcher handedOff = HANDED_OFF.matcher(new OrderOverHttp(app).get("/q/metrics"));
        return handedOff.find() ? (long) Double.parseDouble(handedOff.group(1)) : 0;
    }

    /**
     * Measures a pod's workers running the backlog of due jobs they found at start: jobs completed in {@code measured}
     * after {@code warmup} (the pod's first claims, and its JIT), and the CPU used meanwhile. The jobs are counted by
     * the pod's metric, not in the database: a count of the history would cost PostgreSQL CPU inside the window.
     */
    static Drain drain(AppProcess app, Database database, Duration warmup, Duration measured) throws Exception {
        OrderOverHttp http = new OrderOverHttp(app);
        CpuMeter meter = database.cpuMeter(app);
        Thread.sleep(warmup.toMillis());
        long before = jobsRun(http);
        CpuMeter.Sample first = meter.sample();
        long began = System.nanoTime();
        Thread.sleep(measured.toMillis());
        long completed = jobsRun(http) - before;
        CpuMeter.Sample last = meter.sample();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        return new Drain(completed, elapsed, due(http.get("/admin/jobs/backlog")), CpuMeter.between(first, last, completed));
    }

    /** The jobs the pod's workers completed so far ({@code ferry_jobs_run_total{result="completed"}}). */
    private static long jobsRun(OrderOverHttp http) throws Exception {
        Matcher completed = RUN_COMPLETED.matcher(http.get("/q/metrics"));
        return completed.find() ? (long) Double.parseDouble(completed.group(1)) : 0;
    }

    /** Waits until no job is due any more (the workers caught up), up to five minutes; returns how long that took. */
    static Duration drainJobs(AppProcess app) throws Exception {
        OrderOverHttp http = new OrderOverHttp(app);
        long began = System.nanoTime();
        while (due(http.get("/admin/jobs/backlog")) > 0) {
            if (System.nanoTime() - began > Duration.ofMinutes(5).toNanos()) {
                throw new IllegalStateException("the job backlog did not drain in five minutes");
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /**
     * Starts {@code count} invoices whose deadline is due a second later, waits until all are due,
     * then fires them through {@code POST /admin/timers/fire} from {@code callers} threads, as that many
     * pollers would (the app runs with its own pollers off, so none fired before).
     */
    static Timers fireTimers(AppProcess app, Database database, int count, int callers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int share = count / callers + (caller < count % callers ? 1 : 0);
                starts.add(threads.submit(() -> {
                    OrderOverHttp http = new OrderOverHttp(app);
                    for (int i = 0; i < share; i++) {
                        http.post("/processes/invoice/instances", INVOICE, 201);
                    }
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get();
            }
            Thread.sleep(1500);
            long before = database.count("select count(*) from ferry_history_event where type = 'TimerFired'");
            long began = System.nanoTime();
            List<Future<?>> firing = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                firing.add(threads.submit(() -> {
                    OrderOverHttp http = new OrderOverHttp(app);
                    while (fired(http.post("/admin/timers/fire", "", 200)) > 0) {
                        // the next batch
                    }
                    return null;
                }));
            }
            for (Future<?> fire : firing) {
                fire.get();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
            long fired = database.count("select count(*) from ferry_history_event where type = 'TimerFired'") - before;
            return new Timers(fired, elapsed, callers);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long fired(String report) {
        Matcher fired = FIRED.matcher(report);
        return fired.find() ? Long.parseLong(fired.group(1)) : 0;
    }

    private static long due(String backlog) {
        Matcher due = DUE.matcher(backlog);
        if (!due.find()) {
            throw new IllegalStateException("GET /admin/jobs/backlog answered " + backlog);
        }
        return Long.parseLong(due.group(1));
    }
}
