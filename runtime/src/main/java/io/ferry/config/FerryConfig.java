package io.ferry.config;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Ferry's run-time settings. */
@ConfigMapping(prefix = "quarkus.ferry")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface FerryConfig {

    /** The embedded PostgreSQL Ferry starts when no datasource URL is configured. */
    EmbeddedPostgresConfig embeddedPostgres();

    /** Migration of instances stored under older versions. */
    MigrationConfig migration();

    /** Timers of timer catch and boundary events. */
    TimersConfig timers();

    /** Service tasks' jobs: the workers that run their handlers, retries, and the backlog's bound. */
    JobsConfig jobs();

    /** Messages sent with a time to live that nobody waits for yet. */
    MessagesConfig messages();

    interface MessagesConfig {

        /** Buffered messages beyond which a message that would be buffered is refused with 429 and Retry-After. */
        @WithDefault("10000")
        long maxBuffered();

        /** The longest time to live a message may ask for. */
        @WithDefault("P30D")
        Duration maxTimeToLive();

        /**
         * How often each pod deletes expired buffered messages and delivers buffered messages whose
         * subscriber opened without them ({@code 10s}), or {@code off}.
         */
        @WithDefault("10s")
        String sweepEvery();
    }

    interface JobsConfig {

        /**
         * How often each pod looks for due jobs ({@code 1s}), or {@code off} to run none in this pod
         * (another pod, or {@code POST /admin/jobs/run}, runs them). A pod also looks at once after an
         * operation of its own created a job, so a service task does not wait for the next poll.
         */
        @WithDefault("1s")
        String pollEvery();

        /** How many due jobs one poll claims at most. */
        @WithDefault("20")
        int batchSize();

        /** How many handlers one pod runs at the same time. */
        @WithDefault("4")
        int concurrency();

        /**
         * How long a pod holds a job it claimed. A handler still running after this may be run a
         * second time by another pod (at least once: handlers use the idempotency key); a pod that
         * dies holding a claim loses it after this.
         */
        @WithDefault("PT5M")
        Duration lease();

        /**
         * How long one call of a handler may take before it counts as a failed attempt ("did not answer
         * within …"): the job is tried again after its back-off, and has an incident when its attempts are
         * used up, instead of being taken over lease after lease forever. Ferry cannot stop the call itself
         * (the handler's thread runs on; give its own I/O a timeout). Keep it shorter than the lease, so that
         * the pod reports the failure before another pod may take the job over.
         */
        @WithDefault("PT4M")
        Duration timeout();

        /** Attempts in all for a service task whose BPMN says nothing ({@code ferry:retries}). */
        @WithDefault("3")
        int attempts();

        /** The delay before a job's second attempt where the BPMN says nothing; it doubles after each failure. */
        @WithDefault("PT1S")
        Duration backoff();

        /** The longest delay between two attempts, however many failed. */
        @WithDefault("PT10M")
        Duration maxBackoff();

        /**
         * Jobs waiting to run (due or in back-off) beyond which starting an instance is refused with
         * 429 and Retry-After, rather than letting the backlog grow without end.
         */
        @WithDefault("10000")
        long maxBacklog();
    }

    interface TimersConfig {

        /**
         * How often each pod looks for due timers ({@code 1s}, {@code 500ms}), or {@code off} to fire
         * none in this pod (another pod, or {@code POST /admin/timers/fire}, fires them). A timer fires
         * at most this long after it is due, when pods are not busy.
         */
        @WithDefault("1s")
        String pollEvery();

        /** How many due timers one poll claims at most; the rest wait for the next poll. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long a pod holds the timers it claimed. A pod that dies holding a claim loses it after
         * this, and another pod fires the timer; firing is an operation on the instance under its
         * revision, so a timer whose claim expired while it was being fired still fires once.
         */
        @WithDefault("PT30S")
        Duration lease();
    }

    interface MigrationConfig {

        /**
         * How often to sweep idle instances of older versions forward ({@code 30s}, {@code 5m}), or
         * {@code off}. Off by default: instances then move on their next operation or on
         * {@code POST /admin/migrations/sweep}.
         */
        @WithDefault("off")
        String sweepEvery();
    }

    interface EmbeddedPostgresConfig {

        /**
         * Whether to start an embedded PostgreSQL when neither {@code quarkus.datasource.reactive.url}
         * nor {@code quarkus.datasource.jdbc.url} is set. With a URL set, nothing is started.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Where the embedded cluster keeps its data, relative to the working directory. A restarted
         * (or newer) build of the application pointed at the same directory finds the same instances.
         */
        @WithDefault("ferry-data/postgres")
        String dataDir();

        /**
         * Whether the cluster is private to this JVM: a fresh directory next to {@code data-dir},
         * deleted when the JVM exits. On by default in the test profile.
         */
        @WithDefault("false")
        boolean ephemeral();
    }
}
