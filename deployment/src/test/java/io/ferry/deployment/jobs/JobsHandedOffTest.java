package io.ferry.deployment.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.operation.JobSlots;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job that an operation makes due is handed to its own pod's workers with the claim written by the operation's
 * statement, as long as the pod has a free handler slot: it runs at once, with no poll, claim or read of its own. A
 * job made due while every slot is busy is left to the workers' claim, and waits for a slot: the pod never calls
 * more handlers at once than {@code quarkus.ferry.jobs.concurrency}.
 */
class JobsHandedOffTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="export" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="upload"/>
                <serviceTask id="upload" ferry:handler="upload"/>
                <sequenceFlow id="f2" sourceRef="upload" targetRef="done"/>
                <endEvent id="done"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SettableClock.class, UploadHandler.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/export.bpmn"))
            .overrideConfigKey("quarkus.ferry.jobs.poll-every", "1h")
            .overrideConfigKey("quarkus.ferry.jobs.concurrency", "2")
            .overrideConfigKey("quarkus.ferry.jobs.lease", "PT1M")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    Pool pool;
    @Inject
    JobSlots slots;
    @Inject
    MeterRegistry metrics;

    /**
     * The test classes share one database, and others leave due jobs of processes this app does not deploy: its
     * workers would claim them and take slots the test counts on.
     */
    @BeforeEach
    void noJobsOfOtherTests() {
        pool.query("delete from ferry_job").execute().await().indefinitely();
    }

    @Test
    void jobsRunAtOnceInTheirOperationsPodAndNeverMoreAtATimeThanItsSlots() throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(start());
        ids.add(start());
        assertThat(UploadHandler.TWO_STARTED.await(30, TimeUnit.SECONDS)).as("both handed-off jobs are running").isTrue();

        // Claimed by the statement that made them due, for the lease, as a worker's claim would be.
        OffsetDateTime leaseEnd = OffsetDateTime.ofInstant(SettableClock.now.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        for (String id : ids) {
            Row job = pool.preparedQuery("select claimed_until from ferry_job where instance_id = $1")
                    .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
            assertThat(job.getOffsetDateTime("claimed_until")).isEqualTo(leaseEnd);
        }
        assertThat(metrics.counter("ferry.jobs.handed.off").count()).isEqualTo(2.0);
        assertThat(slots.taken()).isEqualTo(2);

        // Both slots are busy: the third job is left to the workers' claim, which waits for a slot.
        ids.add(start());
        eventually(() -> claimedUntil(ids.get(2)) != null, "the third job is claimed by the pod's workers");
        assertThat(metrics.counter("ferry.jobs.handed.off").count()).isEqualTo(2.0);
        assertThat(UploadHandler.CALLS).hasSize(2);

        UploadHandler.RELEASE.countDown();
        for (String id : ids) {
            eventually(() -> "COMPLETED".equals(given().get("/instances/{id}", id).then().extract().path("status")),
                    "instance " + id + " completes");
        }
        assertThat(UploadHandler.CALLS).extracting(ServiceTaskContext::instanceId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(UploadHandler.MOST_AT_ONCE.get()).isEqualTo(2);
        eventually(() -> slots.taken() == 0, "every slot is given back once its job's run has ended");
        given().get("/q/metrics").then().statusCode(200).body(containsString("ferry_jobs_handed_off_total 2.0"));
        assertThat(pool.preparedQuery("select count(*) as left from ferry_job where instance_id = any($1)")
                .execute(Tuple.of(ids.stream().map(UUID::fromString).toArray(UUID[]::new))).await().indefinitely()
                .iterator().next().getLong("left")).as("job rows left").isZero();
    }

    private String start() {
        return given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/processes/export/instances").then().statusCode(201).extract().path("id");
    }

    private OffsetDateTime claimedUntil(String id) {
        return pool.preparedQuery("select claimed_until from ferry_job where instance_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getOffsetDateTime("claimed_until");
    }

    /** Waits for something the pod does on its own threads, failing with what was awaited after 30 s. */
    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Every call blocks until the test releases them all, and counts how many run at once. */
    @ApplicationScoped
    @ServiceTask("upload")
    public static class UploadHandler implements ServiceTaskHandler {

        static final List<ServiceTaskContext> CALLS = new CopyOnWriteArrayList<>();
        static final CountDownLatch TWO_STARTED = new CountDownLatch(2);
        static final CountDownLatch RELEASE = new CountDownLatch(1);
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) throws InterruptedException {
            CALLS.add(context);
            MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
            try {
                TWO_STARTED.countDown();
                RELEASE.await(60, TimeUnit.SECONDS);
                return Map.of("uploaded", true);
            } finally {
                RUNNING.decrementAndGet();
            }
        }
    }
}
