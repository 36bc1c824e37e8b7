package io.ferry.app;

import static io.ferry.app.PodsOnOneDatabase.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pod stopped as Kubernetes stops it in a rollout (SIGTERM) lets go of the timers it claimed but had not fired:
 * another pod fires them at once, not when their lease ends. Ten invoices are overdue; while the test holds their
 * instances' rows, pod A (a ten-minute lease) claims the ten timers and starts firing the first, whose write waits
 * for the rows. A is stopped then; the nine timers it never reached are free, and pod B fires them within seconds.
 */
class StoppingPodLetsGoOfClaimedTimersIT {

    private static final int INVOICES = 10;
    /** The deadline is due within a second; the reminder and the cooling-off period come long after the test. */
    private static final Map<String, Object> OVERDUE = Map.of("reminders", "R1/PT1H", "payWithin", "PT1S", "coolingOff", "PT1H");
    private static final String[] FIRING = {"-Dquarkus.ferry.timers.poll-every=200ms", "-Dquarkus.ferry.timers.lease=PT10M",
            "-Dquarkus.ferry.jobs.poll-every=off"};
    private static final String DUE = "select count(*) from ferry_timer where due_at <= now()";

    private PodsOnOneDatabase pods;

    @Test
    void claimedTimersThatHadNotFiredFireInAnotherPodAtOnce() throws Exception {
        // given ten overdue invoices, their instances' rows held by another transaction
        pods = new PodsOnOneDatabase(Path.of("target/stopping-pod-timers-it").toAbsolutePath());
        PackagedApp requests = pods.start("requests", "-Dquarkus.ferry.timers.poll-every=off", "-Dquarkus.ferry.jobs.poll-every=off");
        for (int i = 0; i < INVOICES; i++) {
            requests.api().contentType(ContentType.JSON).body(Map.of("variables", OVERDUE))
                    .post("/processes/invoice/instances").then().statusCode(201);
        }
        Eventually.waitUntil(Duration.ofSeconds(30), () -> pods.count(DUE) == INVOICES);
        List<UUID> released;
        try (Connection holder = Version1Backlog.connect(pods.database())) {
            holder.setAutoCommit(false);
            holder.createStatement().executeQuery("select id from ferry_instance for update").close();

            // when pod A has claimed all ten and waits to store the first, and is stopped
            PackagedApp podA = pods.start("pod-a", FIRING);
            Eventually.waitUntil(Duration.ofSeconds(30), () -> pods.count(DUE + " and claimed_until is not null") == INVOICES
                    && pods.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 1);
            podA.stop();

            // then the nine it never reached are free at once
            released = pods.ids("select instance_id from ferry_timer where due_at <= now() and claimed_until is null");
            assertThat(released).as("timers let go of").hasSize(INVOICES - 1);
            assertThat(Files.readString(podA.log())).contains("let go of " + (INVOICES - 1) + " claimed timers that had not fired");
            holder.rollback();
        }

        // and another pod fires them long before the lease ends
        Instant began = Instant.now();
        pods.start("pod-b", FIRING);
        Eventually.waitUntil(Duration.ofSeconds(60), () -> pods.count("select count(*) from ferry_history_event where type = "
                + "'TimerFired' and node_id = 'overdue' and instance_id = any(array[" + quoted(released) + "]::uuid[])")
                == released.size());
        assertThat(Duration.between(began, Instant.now())).as("well before the ten-minute lease").isLessThan(Duration.ofMinutes(2));
    }

    @AfterEach
    void stopPods() throws InterruptedException {
        if (pods != null) {
            pods.close();
        }
    }
}
