package io.ferry.benchmark;

import io.ferry.benchmark.BenchmarkParameters.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 8's benchmark: Ferry (the packaged reference app) against the ceiling of the same SQL by
 * hand, all in one run on one database. Prints the table and writes it to target/benchmark/results.md.
 * Run by {@code ./mvnw -B -f app.xml -Pbenchmark verify} (see {@code BenchmarkIT}).
 */
public final class Benchmark {

    /** The most old instances the set-based ceiling rewrites in its one statement. */
    private static final int SWEEP_CEILING_ROWS = 100_000;
    /**
     * A pod does not run Flyway: the generated Deployment sets QUARKUS_FLYWAY_ACTIVE=false and a Job
     * migrates the schema before the pods start (here the untimed first start has migrated it).
     */
    static final String AS_POD = "-Dquarkus.flyway.active=false";
    /** The old instances live in a database of their own, so that starts on both can take turns. */
    private static final String OLD_INSTANCES_DATABASE = "ferry_benchmark_old_instances";
    /**
     * The apps of the load run with their timer pollers off, so that the timer phase fires every due timer itself;
     * the request pod with its job workers off too, as in a deployment whose worker pods run the jobs (a pod with
     * {@code poll-every=off} neither claims jobs nor is handed any).
     */
    /** A pod's handler slots and claim batch by default ({@code quarkus.ferry.jobs.concurrency}, {@code batch-size}). */
    private static final int HANDLER_SLOTS = 4;
    private static final int JOB_BATCH = 20;
    private static final String WITH_WORKERS = "-Dquarkus.ferry.timers.poll-every=off";
    private static final String REQUEST_POD = WITH_WORKERS + " -Dquarkus.ferry.jobs.poll-every=off";

    private final BenchmarkParameters parameters;
    private final Path output;

    Benchmark(BenchmarkParameters parameters) {
        this.parameters = parameters;
        this.output = parameters.output();
    }

    public static void main(String[] arguments) throws Exception {
        new Benchmark(BenchmarkParameters.fromSystemProperties()).run();
    }

    Results run() throws Exception {
        if (!Files.exists(parameters.ferryJar())) {
            throw new IllegalStateException(parameters.ferryJar() + " is missing: run ./mvnw -B -DskipTests install first");
        }
        Files.createDirectories(output);
        log("Benchmark: " + parameters.describe());
        String loadBefore = loadAverage();
        try (Database database = Database.start(output.resolve("postgres"))) {
            Path emptyApplicationJar = EmptyApplication.build(parameters.root(), output.resolve("empty-app"));
            Results results = measure(database, emptyApplicationJar);
            database.emptyFerryTables();
            String report = report(database, results, loadBefore);
            Files.writeString(output.resolve("results.md"), report);
            System.out.println(report);
            return results;
        }
    }

    private Results measure(Database database, Path emptyApplicationJar) throws Exception {
        OrderTemplates templates;
        Results.Load load = null;
        // This first start also creates the schema, so it is not one of the timed starts. Its workers run the payment
        // job whose completion the templates record.
        try (AppProcess app = start(parameters.ferryJar(), database, WITH_WORKERS, "ferry-templates")) {
            templates = OrderTemplates.record(app, database);
        }
        if (parameters.measures(Phase.LOAD)) {
            try (AppProcess requests = start(parameters.ferryJar(), database, REQUEST_POD, "ferry-requests")) {
                load = load(requests, database, templates);
            }
        }
        database.emptyFerryTables();
        if (!parameters.measures(Phase.SWEEP) && !parameters.measures(Phase.READY)) {
            return new Results(load, null, null, parameters.oldInstances(), null, parameters.jvmOptions());
        }
        Database old = database.sibling(OLD_INSTANCES_DATABASE);
        startFerry(old, "ferry-old-instances-schema").close();
        log("Storing " + parameters.oldInstances() + " version 1 instances");
        Sweep.storeVersion1Instances(old, templates, parameters.oldInstances());
        Sweep.Timing ceiling = parameters.measures(Phase.SWEEP)
                ? Sweep.setBasedRewrite(old, Math.min(parameters.oldInstances(), SWEEP_CEILING_ROWS)) : null;
        Results.Ready ready = parameters.measures(Phase.READY) ? readyTimes(database, old, emptyApplicationJar) : null;
        Sweep.Timing sweep = null;
        if (parameters.measures(Phase.SWEEP)) {
            try (AppProcess app = startFerry(old, "ferry-sweep")) {
                log("Sweeping through Ferry");
                sweep = Sweep.throughFerry(app, parameters.sweepBatchSize(), parameters.sweepMaxBatches(), parameters.sweepLimit());
            }
        }
        database.drop(old);
        return new Results(load, sweep, ceiling, parameters.oldInstances(), ready, parameters.jvmOptions());
    }

    /** The starts take turns, so that a build another user starts on the machine slows all alike. */
    private Results.Ready readyTimes(Database database, Database old, Path emptyApplicationJar) throws Exception {
        start(emptyApplicationJar, database, "empty-app-first").close();
        List<Results.Start> empty = new ArrayList<>();
        List<Results.Start> asPod = new ArrayList<>();
        List<Results.Start> withOldInstances = new ArrayList<>();
        List<Results.Start> emptyApplication = new ArrayList<>();
        for (int turn = 1; turn <= parameters.starts(); turn++) {
            empty.add(readyTime(parameters.ferryJar(), database, "", "ferry-empty-" + turn));
            asPod.add(readyTime(parameters.ferryJar(), database, AS_POD, "ferry-as-pod-" + turn));
            withOldInstances.add(readyTime(parameters.ferryJar(), old, "", "ferry-old-instances-" + turn));
            emptyApplication.add(readyTime(emptyApplicationJar, database, "", "empty-app-" + turn));
        }
        return new Results.Ready(new Results.ReadyTimes(empty), new Results.ReadyTimes(asPod),
                new Results.ReadyTimes(withOldInstances), new Results.ReadyTimes(emptyApplication));
    }

    /**
     * The load phases, in rounds: in each, Ferry's phase and the ceiling's take turns, so that the machine's slow and
     * fast spells (a shared VM's cores vary) fall on both alike; the rounds are pooled, and each round's ratios
     * printed too. Every phase, Ferry's and the ceiling's, begins with no job rows and every table vacuumed and
     * a checkpoint.
     */
    private Results.Load load(AppProcess requests, Database database, OrderTemplates templates) throws Exception {
        List<Results.Round> rounds = new ArrayList<>();
        Machinery.Timers timers;
        long peakMemory;
        try (PeakMemory memory = new PeakMemory(requests)) {
            for (int round = 1; round <= parameters.rounds(); round++) {
                rounds.add(round(requests, database, templates, round));
            }
            log("Firing " + parameters.timers() + " due timers through POST /admin/timers/fire");
            timers = Machinery.fireTimers(requests, database, parameters.timers(), parameters.clients());
            peakMemory = memory.peak();
        }
        return new Results.Load(rounds, timers, peakMemory, requests.residentMemory());
    }

    /**
     * One round: starting and completing through the request pod (its workers off, as in a deployment with worker
     * pods: the payment jobs wait), each against its ceiling; then completing through a pod that runs the payment
     * jobs too (started for the phase, so that it runs only the jobs of its own completions), against the completion
     * ceiling and against the ceiling of a completion with its job.
     */
    private Results.Round round(AppProcess requests, Database database, OrderTemplates templates, int round) throws Exception {
        String of = " (round " + round + " of " + parameters.rounds() + ")";
        log("Starting instances through the request pod" + of);
        ClosedLoop.Result start = measured(OrderOverHttp.starting(requests), database, requests);
        log("Starting instances by hand over " + parameters.clients() + " JDBC connections (ceiling)" + of);
        ClosedLoop.Result startCeiling = measured(OrderStatementsByHand.starting(database, templates), database, null);

        log("Completing approveOrder through the request pod (its payment jobs left for worker pods)" + of);
        ClosedLoop.Result complete = measured(OrderOverHttp.completing(requests, waitingInstances(database, templates, start)),
                database, requests);
        ClosedLoop.Result completeCeiling;
        ClosedLoop.Result completeInOnePod;
        Machinery.Jobs jobs;
        Machinery.Drain drain;
        long onePodPeakMemory;
        try (AppProcess pod = start(parameters.ferryJar(), database, WITH_WORKERS, "ferry-one-pod-" + round);
                PeakMemory memory = new PeakMemory(pod)) {
            log("A pod with workers runs the payment jobs the request pod left" + of);
            drain = Machinery.drain(pod, database, parameters.warmup(), parameters.measured());
            log("Completing approveOrder by hand (ceiling)" + of);
            completeCeiling = measured(OrderStatementsByHand.completing(database, templates,
                    waitingInstances(database, templates, start)), database, null);
            List<List<UUID>> waiting = waitingInstances(database, templates, start);
            log("Completing approveOrder through that pod, which runs the payment jobs too" + of);
            long jobsBefore = Machinery.jobsCompleted(database);
            long began = System.nanoTime();
            completeInOnePod = measured(OrderOverHttp.completing(pod, waiting), database, pod, parameters.warmup().multipliedBy(2),
                    parameters.clients(), () -> { });
            Duration phase = Duration.ofNanos(System.nanoTime() - began);
            long jobsDuring = Machinery.jobsCompleted(database) - jobsBefore;
            Duration drained = Machinery.drainJobs(pod);
            jobs = new Machinery.Jobs(jobsDuring, phase, drained, Machinery.jobsCompleted(database) - jobsBefore,
                    Machinery.jobsHandedOff(pod));
            onePodPeakMemory = memory.peak();
        }
        log("Completing approveOrder and running its job by hand (ceiling)" + of);
        ClosedLoop.Result completeWithJobCeiling = measured(OrderStatementsByHand.completingWithJobs(database, templates,
                waitingInstances(database, templates, start)), database, null);
        log("Running due payment jobs by hand as a worker pod does, over " + HANDLER_SLOTS + " JDBC connections (ceiling)" + of);
        // Running a job alone costs less than a completion with its job: three times the latter's rate cannot run out.
        int jobsForTheCeiling = (int) Math.max(2000, 3 * completeWithJobCeiling.perSecond()
                * (parameters.warmup().plus(parameters.measured()).toNanos() / 1e9));
        ClosedLoop.Result drainCeiling = measured(OrderStatementsByHand.runningDueJobs(database, templates, JOB_BATCH), database,
                null, parameters.warmup(), HANDLER_SLOTS, () -> templates.copyWaitingForPayment(database, jobsForTheCeiling));
        return new Results.Round(start, complete, completeInOnePod, startCeiling, completeCeiling, completeWithJobCeiling,
                jobs, drain, drainCeiling, onePodPeakMemory);
    }

    /**
     * One load phase, begun with nothing left of the previous one for PostgreSQL to clean up: no job rows (the
     * completion ceiling leaves one per completion, its jobs never run), every table vacuumed and analysed, so that
     * autovacuum's work on the rows an earlier phase wrote (hundreds of thousands of inserted history rows) does not
     * fall into this phase's window, and a checkpoint, so that the earlier phases' dirty pages are not written out in
     * it. What autovacuum and the checkpointer do in a window is then for that phase's own rows. The run's first
     * phase begins on the fresh database, with nothing to clean up: an ANALYZE of its nearly empty tables would have
     * PostgreSQL plan for empty tables all through the window, in which they grow by a hundred thousand rows (that
     * phase fell to a tenth of its speed so).
     */
    private ClosedLoop.Result measured(ClosedLoop.ClientFactory clients, Database database, AppProcess app) throws Exception {
        return measured(clients, database, app, parameters.warmup(), parameters.clients(), () -> { });
    }

    /**
     * A phase on a pod started for it warms up longer ({@code warmup}): its JVM has compiled nothing yet. {@code prepare}
     * stores what the phase needs once the job table is emptied, before the clean-up.
     */
    private ClosedLoop.Result measured(ClosedLoop.ClientFactory clients, Database database, AppProcess app, Duration warmup,
            int clientCount, Preparation prepare) throws Exception {
        if (phasesMeasured++ == 0) {
            prepare.run();
            return load(clients, database.cpuMeter(app), warmup, clientCount);
        }
        database.execute("delete from ferry_job");
        prepare.run();
        database.execute("vacuum analyze");
        try {
            database.execute("checkpoint");
        } catch (java.sql.SQLException notAllowed) {
            if (!checkpointRefusalLogged) {
                log("No checkpoint before each load phase: " + notAllowed.getMessage() + " (grant pg_checkpoint to the user)");
                checkpointRefusalLogged = true;
            }
        }
        return load(clients, database.cpuMeter(app), warmup, clientCount);
    }

    private interface Preparation {
        void run() throws Exception;
    }

    private boolean checkpointRefusalLogged;
    private int phasesMeasured;

    /**
     * Enough instances waiting at approveOrder, per client, that completing cannot run out: twice
     * what starting managed in the same time (completing costs more than starting).
     */
    private List<List<UUID>> waitingInstances(Database database, OrderTemplates templates, ClosedLoop.Result start)
            throws Exception {
        double seconds = (parameters.warmup().plus(parameters.measured()).toNanos()) / 1e9;
        int perClient = (int) Math.max(100, Math.ceil(2 * start.perSecond() * seconds / parameters.clients()));
        List<UUID> all = templates.copiesWaitingAtApproval(database, perClient * parameters.clients());
        List<List<UUID>> perClientLists = new ArrayList<>();
        for (int client = 0; client < parameters.clients(); client++) {
            perClientLists.add(all.subList(client * perClient, (client + 1) * perClient));
        }
        return perClientLists;
    }

    private ClosedLoop.Result load(ClosedLoop.ClientFactory clients, CpuMeter meter, Duration warmup, int clientCount)
            throws Exception {
        return ClosedLoop.run(clientCount, warmup, parameters.measured(), clients, meter);
    }

    private AppProcess startFerry(Database database, String name) throws Exception {
        return start(parameters.ferryJar(), database, name);
    }

    private AppProcess start(Path jar, Database database, String name) throws Exception {
        return start(jar, database, "", name);
    }

    private AppProcess start(Path jar, Database database, String moreOptions, String name) throws Exception {
        log("Starting " + jar + " (" + name + ")");
        return AppProcess.start(jar, database, (parameters.jvmOptions() + " " + moreOptions).strip(),
                output.resolve(name + ".log"));
    }

    private Results.Start readyTime(Path jar, Database database, String moreOptions, String name) throws Exception {
        try (AppProcess app = start(jar, database, moreOptions, name)) {
            return new Results.Start(app.timeToReady(), app.cpuTimeToReady());
        }
    }

    private String report(Database database, Results results, String loadBefore) throws Exception {
        return """
                # Ferry benchmark (issue 8)

                %s
                - when: %s
                - machine: %d cores, %s, %s %s; load average (1, 5, 15 min) %s before the run, %s after
                - database: %s
                - parameters: %s

                Ferry is the packaged reference app over HTTP (HttpConnection: one kept-alive connection per client, closed loop);
                the ceiling issues the same statements over as many JDBC connections (OrderStatementsByHand).
                The sweep's ceiling is one set-based statement over the same first rows, rolled back (Sweep).
                """.formatted(results.table(), Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("os.name"),
                loadBefore, loadAverage(), database.describe(), parameters.describe());
    }

    /** Shows whether other work shared the machine: the numbers are only comparable within one run. */
    private static String loadAverage() throws java.io.IOException {
        Path loadAverage = Path.of("/proc/loadavg");
        if (!Files.exists(loadAverage)) {
            return "unknown";
        }
        String[] fields = Files.readString(loadAverage).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void log(String message) {
        System.out.println("[benchmark " + Instant.now() + "] " + message);
    }
}
