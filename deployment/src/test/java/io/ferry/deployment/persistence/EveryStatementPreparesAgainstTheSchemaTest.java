package io.ferry.deployment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.job.IncidentQueries;
import io.ferry.operation.InstanceQueries;
import io.ferry.operation.TaskEndings;
import io.ferry.persistence.DueRows;
import io.ferry.persistence.InstanceStore;
import io.ferry.persistence.MessageStore;
import io.ferry.rollout.RolloutPreview;
import io.ferry.timer.StartTimers;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every SQL statement Ferry issues prepares against the schema the Flyway scripts create: PostgreSQL
 * parses it, resolves every table and column and types every parameter, so a script that renames or
 * retypes a column a statement uses fails the build, not the first request that runs it. The
 * statements are the String constants of the classes that issue SQL (so a new one is checked without
 * being listed here) and every WHERE the instance list can build.
 */
class EveryStatementPreparesAgainstTheSchemaTest {

    private static final List<Class<?>> ISSUING_SQL = List.of(InstanceStore.class, InstanceQueries.class, TaskEndings.class,
            RolloutPreview.class, DueRows.class, MessageStore.class, IncidentQueries.class,
            StartTimers.class);
    private static final Pattern STATEMENT = Pattern.compile("(?is)\\s*(select|with|insert|update|delete)\\s.*");

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addAsResource("rollout/claim-v1.bpmn", "processes/claim.bpmn"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    Pool pool;

    @Test
    void everyStatementPrepares() throws Exception {
        Map<String, String> statements = statements();
        assertThat(statements).as("the statements found").containsKeys("InstanceStore.LOAD", "InstanceStore.WRITE",
                "TaskEndings.ENDING", "RolloutPreview.SHAPES", "DueRows.TIMER_CLAIM", "DueRows.JOB_CLAIM",
                "MessageStore.WAITING", "IncidentQueries.OPEN", "InstanceQueries.list(processId, version, status, businessKey)");
        List<String> failures = new ArrayList<>();
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        try {
            statements.forEach((name, sql) -> {
                try {
                    connection.prepare(sql).await().atMost(Duration.ofSeconds(30)).close().await().atMost(Duration.ofSeconds(30));
                } catch (RuntimeException e) {
                    failures.add(name + ": " + e.getMessage());
                }
            });
        } finally {
            connection.close().await().atMost(Duration.ofSeconds(30));
        }
        assertThat(failures).isEmpty();
    }

    /** The statement constants of the classes that issue SQL, and the instance list with every combination of filters. */
    private static Map<String, String> statements() throws IllegalAccessException {
        Map<String, String> statements = new LinkedHashMap<>();
        for (Class<?> type : ISSUING_SQL) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    // A template (%s) is checked through the statements built from it.
                    if (value != null && STATEMENT.matcher(value).matches() && !value.contains("%")) {
                        statements.put(type.getSimpleName() + "." + field.getName(), value);
                    }
                }
            }
        }
        String[] filters = {"processId", "version", "status", "businessKey"};
        for (int used = 0; used < 1 << filters.length; used++) {
            String[] values = new String[filters.length];
            List<String> names = new ArrayList<>();
            for (int index = 0; index < filters.length; index++) {
                if ((used & 1 << index) != 0) {
                    values[index] = "x";
                    names.add(filters[index]);
                }
            }
            var filter = new InstanceQueries.Filter(values[0], values[1], values[2], values[3]);
            statements.put("InstanceQueries.list(" + String.join(", ", names) + ")", InstanceQueries.list(filter, 0, 1).sql());
        }
        return statements;
    }
}
