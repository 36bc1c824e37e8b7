package io.ferry.app;

import static io.ferry.app.PodsOnOneDatabase.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pod stopped as Kubernetes stops it in a rollout (SIGTERM) lets go of the jobs it claimed but had not started:
 * another pod runs them at once, not when their lease ends. A pod that runs no jobs takes four approved orders; pod
 * A, one handler slot and a ten-minute lease, claims their four payment jobs at once: one runs (a slow payment),
 * three wait for the slot. A is stopped; pod B runs the three within seconds.
 */
class StoppingPodLetsGoOfWaitingJobsIT {

    private static final int ORDERS = 4;
    private static final String[] WORKERS = {"-Dquarkus.ferry.jobs.poll-every=200ms", "-Dquarkus.ferry.jobs.lease=PT10M",
            "-Dquarkus.ferry.jobs.concurrency=1", "-Dquarkus.ferry.jobs.timeout=PT5M", "-Dferry.example.payment-latency=PT8S"};

    private PodsOnOneDatabase pods;

    @Test
    void claimedJobsThatHadNotStartedRunInAnotherPodAtOnce() throws Exception {
        pods = new PodsOnOneDatabase(Path.of("target/stopping-pod-it").toAbsolutePath());
        PackagedApp requests = pods.start("requests", "-Dquarkus.ferry.jobs.poll-every=off");
        for (int i = 0; i < ORDERS; i++) {
            UUID order = UUID.fromString(requests.api().contentType(ContentType.JSON)
                    .body(Map.of("variables", Map.of("amount", 10 + i))).post("/processes/order/instances")
                    .then().statusCode(201).extract().path("id"));
            requests.api().contentType(ContentType.JSON).body(Map.of("variables", Map.of("approved", true)))
                    .post("/instances/{id}/tasks/approveOrder/complete", order).then().statusCode(200);
        }
        PackagedApp podA = pods.start("pod-a", WORKERS);
        Eventually.waitUntil(Duration.ofSeconds(30),
                () -> pods.count("select count(*) from ferry_job where claimed_until is not null") == ORDERS);

        podA.stop(); // SIGTERM: the slow payment is still running, three jobs wait for the slot
        List<UUID> released = pods.ids("select instance_id from ferry_job where claimed_until is null");
        assertThat(released).as("jobs let go of").hasSize(ORDERS - 1);
        assertThat(Files.readString(podA.log())).contains("let go of " + (ORDERS - 1) + " claimed jobs that had not started");

        Instant began = Instant.now();
        pods.start("pod-b", "-Dquarkus.ferry.jobs.poll-every=200ms", "-Dquarkus.ferry.jobs.lease=PT10M",
                "-Dferry.example.payment-latency=PT8S");
        Eventually.waitUntil(Duration.ofSeconds(60), () -> pods.count("select count(*) from ferry_history_event where type = "
                + "'ServiceTaskCompleted' and instance_id = any(array[" + quoted(released) + "]::uuid[])") == released.size());
        assertThat(Duration.between(began, Instant.now())).as("well before the ten-minute lease").isLessThan(Duration.ofMinutes(2));
        // The payment that was running when pod A stopped: its claim holds until the lease ends (or A stored it in time).
        assertThat(pods.count("select count(*) from ferry_job where claimed_until is null")).isZero();
    }

    @AfterEach
    void stopPods() throws InterruptedException {
        if (pods != null) {
            pods.close();
        }
    }
}
