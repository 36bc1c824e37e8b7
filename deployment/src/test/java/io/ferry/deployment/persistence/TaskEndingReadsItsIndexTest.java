package io.ferry.deployment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.operation.TaskEndings;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statement that finds what ended a task reads the partial index of task events, never an instance's whole
 * history: with sequential scans priced out, its plan uses {@code ferry_history_event_task} for both the ending and
 * the task's creation. A change to the statement's types, or to the index's, that stops the index matching fails here.
 */
class TaskEndingReadsItsIndexTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource("rollout/claim-v1.bpmn", "processes/claim.bpmn"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    Pool pool;

    @Test
    void theEndingOfATaskIsReadThroughTheTaskIndex() throws Exception {
        Field ending = TaskEndings.class.getDeclaredField("ENDING");
        ending.setAccessible(true);
        String statement = (String) ending.get(null);
        List<String> plan = new ArrayList<>();
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        try {
            connection.query("set enable_seqscan = off").execute().await().atMost(WAIT);
            for (Row row : connection.preparedQuery("explain " + statement)
                    .execute(Tuple.of(UUID.randomUUID(), "t2", new String[] {"approveOrder"})).await().atMost(WAIT)) {
                plan.add(row.getString(0));
            }
        } finally {
            connection.close().await().atMost(WAIT);
        }

        assertThat(plan).as("the plan of TaskEndings.ENDING").filteredOn(line -> line.contains("ferry_history_event_task"))
                .hasSize(2);
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan"));
    }
}
