package io.ferry.app;

import io.ferry.embedded.EmbeddedPostgres;
import io.ferry.execution.EngineEvent;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: two packaged apps on one PostgreSQL share the timers of the reference "invoice" process
 * and the payment jobs of approved orders; one of them is killed with SIGKILL while timers are due
 * and claimed and payments are under way, then started again. Every timer fires exactly once: two
 * reminders and one deadline per invoice, each interrupted task ended once. Every payment job
 * completes exactly once (its handler may have been called twice: at least once, same key). No
 * timer or job row is left behind, no 5xx.
 */
class TimersAndJobsSurvivePodKillIT {

    private static final Path HOME = Path.of("target/timers-jobs-kill-it").toAbsolutePath();
    private static final int INVOICES = 150;
    private static final int ORDERS = 80;
    /**
     * Reminders at +1 s and +2 s, the deadline at +8 s: within seconds, many timers are due while pod A dies. The
     * deadline comes well after a lost claim's lease (2 s) has run out: a reminder pod A held when it died is fired by
     * pod B before the deadline interrupts the task (and would otherwise rightly never fire).
     */
    private static final Map<String, Object> QUICK = Map.of("reminders", "R2/PT1S", "payWithin", "PT8S", "coolingOff", "PT1S");
    private static final String[] POLLING = {"-Dquarkus.ferry.timers.poll-every=200ms", "-Dquarkus.ferry.timers.lease=PT2S",
            "-Dquarkus.ferry.timers.batch-size=20", "-Dquarkus.ferry.jobs.poll-every=200ms", "-Dquarkus.ferry.jobs.lease=PT2S",
            "-Dquarkus.ferry.jobs.batch-size=10", "-Dferry.example.payment-latency=PT0.5S"};

    private EmbeddedPostgres database;
    private final List<PackagedApp> pods = new ArrayList<>();

    @Test
    void everyTimerFiresAndEveryJobCompletesExactlyOnceThoughAPodIsKilledWhileFiring() throws Exception {
        // given two pods on one database, and invoices started through both
        PackagedApp.deleteRecursively(HOME);
        database = EmbeddedPostgres.start(HOME.resolve("postgres"));
        PackagedApp podA = start("pod-a");
        PackagedApp podB = start("pod-b");
        List<UUID> invoices = new ArrayList<>();
        List<Integer> serverErrors = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            PackagedApp pod = i % 2 == 0 ? podA : podB;
            var response = pod.api().contentType(ContentType.JSON).body(Map.of("variables", QUICK))
                    .post("/processes/invoice/instances").then().extract();
            if (response.statusCode() >= 500) {
                serverErrors.add(response.statusCode());
            } else {
                invoices.add(UUID.fromString(response.path("id")));
            }
        }

        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            PackagedApp pod = i % 2 == 0 ? podA : podB;
            var started = pod.api().contentType(ContentType.JSON).body(Map.of("variables", Map.of("amount", 10 + i)))
                    .post("/processes/order/instances").then().extract();
            if (started.statusCode() >= 500) {
                serverErrors.add(started.statusCode());
                continue;
            }
            UUID order = UUID.fromString(started.path("id"));
            int approved = pod.api().contentType(ContentType.JSON).body(Map.of("variables", Map.of("approved", true)))
                    .post("/instances/{id}/tasks/approveOrder/complete", order).then().extract().statusCode();
            if (approved >= 500) {
                serverErrors.add(approved);
            } else {
                orders.add(order);
            }
        }

        // when pod A dies while timers fire and payments run, and comes back
        Eventually.waitUntil(Duration.ofSeconds(60), () -> count("select count(*) from ferry_history_event where type = 'TimerFired'") > 50
                && count("select count(*) from ferry_history_event where type = 'ServiceTaskCompleted'") >= 5);
        long claimed = count("select count(*) from ferry_timer where claimed_until is not null");
        long fired = count("select count(*) from ferry_history_event where type = 'TimerFired'");
        long jobsClaimed = count("select count(*) from ferry_job where claimed_until is not null");
        long jobsDone = count("select count(*) from ferry_history_event where type = 'ServiceTaskCompleted'");
        podA.kill();
        System.out.printf("TimersAndJobsSurvivePodKillIT: pod A killed with %d timers fired and %d claimed, %d jobs completed "
                + "and %d claimed%n", fired, claimed, jobsDone, jobsClaimed);
        pods.remove(podA);
        start("pod-a");
        Eventually.waitUntil(Duration.ofSeconds(180), () -> count("select count(*) from ferry_timer") == 0
                && count("select count(*) from ferry_job") == 0
                && count("select count(*) from ferry_history_event where type = 'NodeTerminated'") >= invoices.size());

        // then
        StoredHistory stored = new StoredHistory(database);
        SoftAssertions then = new SoftAssertions();
        then.assertThat(serverErrors).as("5xx answers to starts").isEmpty();
        then.assertThat(invoices).hasSize(INVOICES);
        then.assertThat(notExactly(invoices, stored.eventsPerInstance(EngineEvent.TIMER_FIRED, "remind"), 2))
                .as("invoices whose reminder did not fire exactly twice").isEmpty();
        then.assertThat(notExactly(invoices, stored.eventsPerInstance(EngineEvent.TIMER_FIRED, "overdue"), 1))
                .as("invoices whose deadline did not fire exactly once").isEmpty();
        then.assertThat(notExactly(invoices, stored.eventsPerInstance(EngineEvent.NODE_TERMINATED, "payInvoice"), 1))
                .as("invoices whose payment task was not ended exactly once").isEmpty();
        then.assertThat(notExactly(invoices, stored.eventsPerInstance(EngineEvent.TASK_CREATED, "collectDebt"), 1))
                .as("invoices not handed to debt collection exactly once").isEmpty();
        then.assertThat(count("select count(*) from ferry_timer")).as("timer rows left").isZero();
        then.assertThat(orders).hasSize(ORDERS);
        then.assertThat(notExactly(orders, stored.eventsPerInstance(EngineEvent.JOB_CREATED, "chargePayment"), 1))
                .as("orders whose payment job was not created exactly once").isEmpty();
        then.assertThat(notExactly(orders, stored.eventsPerInstance(EngineEvent.SERVICE_TASK_COMPLETED, "chargePayment"), 1))
                .as("orders whose payment job did not complete exactly once").isEmpty();
        then.assertThat(count("select count(*) from ferry_job")).as("job rows left").isZero();
        then.assertThat(count("select count(*) from ferry_incident where resolved_at is null")).as("open incidents").isZero();
        then.assertThat(stored.historiesNotContiguous()).as("histories not numbered 1..history_length").isEmpty();
        then.assertAll();
    }

    private static List<String> notExactly(List<UUID> ids, Map<UUID, Long> counts, long expected) {
        return ids.stream().filter(id -> counts.getOrDefault(id, 0L) != expected)
                .map(id -> id + ": " + counts.getOrDefault(id, 0L)).toList();
    }

    private PackagedApp start(String name) throws Exception {
        List<String> properties = new ArrayList<>(List.of(POLLING));
        properties.addAll(PackagedApp.datasource(database));
        PackagedApp pod = PackagedApp.start(HOME.resolve(name), properties.toArray(String[]::new));
        pods.add(pod);
        return pod;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = Version1Backlog.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @AfterEach
    void stopPodsAndDatabase() throws InterruptedException {
        for (PackagedApp pod : pods) {
            pod.stop();
        }
        if (database != null) {
            database.close();
        }
    }
}
