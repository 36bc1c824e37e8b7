package io.ferry.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The sweep of version 1 {@code order} instances to version 2: stored here straight into the
 * table, timed through {@code POST /admin/migrations/sweep}, and against its ceiling, one
 * set-based SQL rewrite of the same rows.
 */
final class Sweep {

    /** Rows per insert statement when storing old instances, so a million do not form one huge transaction. */
    private static final int STORE_CHUNK = 100_000;
    private static final Pattern MIGRATED = Pattern.compile("\"migrated\":(\\d+)");
    private static final Pattern FINISHED = Pattern.compile("\"finished\":(true|false)");

    /** What one timing saw: instances migrated in how long, and whether the backlog was done. */
    record Timing(long instances, Duration elapsed, boolean finished) {

        double perSecond() {
            return instances / (elapsed.toNanos() / 1e9);
        }
    }

    /**
     * Stores {@code count} instances as a version 1 image left them, waiting at "Review order": the
     * started template with the version and the task's node id of version 1
     * (src/test/resources/fixtures/order-v1.bpmn). No history rows: the sweep neither reads nor needs them.
     */
    static void storeVersion1Instances(Database database, OrderTemplates templates, int count) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                insert into ferry_instance (id, process_id, process_version, status, correlation_id, state, revision,
                                            history_length, created_at, updated_at)
                select g.id, 'order', '1', 'ACTIVE', g.id::text,
                       jsonb_set(jsonb_set(t.state, '{version}', '"1"'), '{tokens,0,nodeId}', '"reviewOrder"'),
                       1, 0, now(), now()
                from (select gen_random_uuid() as id from generate_series(1, ?)) g
                cross join (select ?::jsonb as state) t""")) {
            for (int stored = 0; stored < count; stored += STORE_CHUNK) {
                insert.setInt(1, Math.min(STORE_CHUNK, count - stored));
                insert.setString(2, templates.waitingState());
                insert.executeUpdate();
            }
        }
        database.execute("vacuum analyze ferry_instance");
    }

    /** Calls the sweep until it reports every process finished, or for at most {@code limit}. */
    static Timing throughFerry(AppProcess app, int batchSize, int maxBatches, Duration limit) throws Exception {
        OrderOverHttp http = new OrderOverHttp(app);
        long migrated = 0;
        boolean finished = false;
        long begin = System.nanoTime();
        while (!finished && System.nanoTime() - begin < limit.toNanos()) {
            String report = http.post("/admin/migrations/sweep?batchSize=" + batchSize + "&maxBatches=" + maxBatches, "", 200);
            // The report's own total comes last, after each process' count.
            migrated += MIGRATED.matcher(report).results().reduce((first, second) -> second)
                    .map(total -> Long.parseLong(total.group(1))).orElse(0L);
            finished = FINISHED.matcher(report).results().allMatch(result -> result.group(1).equals("true"));
        }
        return new Timing(migrated, Duration.ofNanos(System.nanoTime() - begin), finished);
    }

    /**
     * The ceiling: the rewrite the sweep performs for these instances, as one statement over the
     * first {@code rows} version 1 instances in id order (the rows the sweep takes first): lock them
     * ({@code FOR NO KEY UPDATE SKIP LOCKED}, as the sweep does), move the token to {@code approveOrder},
     * add the plan's default currency, raise version, revision and history length, resolve blocked
     * incidents, and insert one {@code InstanceMigrated} event each. It is rolled back (and the table
     * vacuumed) so the sweep then finds the same rows as they were.
     */
    static Timing setBasedRewrite(Database database, int rows) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement rewrite = connection.prepareStatement("""
                with batch as (
                    select id from ferry_instance
                    where process_id = 'order' and process_version = '1' and status = 'ACTIVE'
                    order by id limit ?
                    for no key update skip locked),
                moved as (
                    update ferry_instance i set
                        process_version = '2',
                        state = jsonb_set(jsonb_set(jsonb_set(i.state, '{version}', '"2"'), '{tokens}',
                                    (select jsonb_agg(case t->>'nodeId'
                                                when 'reviewOrder' then jsonb_set(t, '{nodeId}', '"approveOrder"')
                                                when 'packItems' then jsonb_set(t, '{nodeId}', '"packParcels"')
                                                else t end order by n)
                                     from jsonb_array_elements(i.state->'tokens') with ordinality as tokens(t, n))),
                                '{variables,currency}', coalesce(i.state->'variables'->'currency', '"EUR"')),
                        revision = i.revision + 1,
                        history_length = i.history_length + 1,
                        updated_at = now()
                    from batch where i.id = batch.id
                    returning i.id, i.history_length, i.correlation_id),
                resolved as (
                    update ferry_incident set resolved_at = now()
                    where instance_id in (select id from moved) and type = 'MIGRATION_BLOCKED' and resolved_at is null)
                insert into ferry_history_event (instance_id, sequence, id, type, node_id, token_id, data, occurred_at,
                                                 correlation_id, causation_id)
                select id, history_length, gen_random_uuid(), 'InstanceMigrated', null, null,
                       '{"fromVersion":"1","toVersion":"2","plans":["plans/order-1-to-2.yaml"],"movedNodeIds":{"reviewOrder":"approveOrder"}}',
                       now(), correlation_id, 'sweep-ceiling'
                from moved""")) {
            connection.setAutoCommit(false);
            rewrite.setInt(1, rows);
            long begin = System.nanoTime();
            int rewritten = rewrite.executeUpdate();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            connection.rollback();
            connection.setAutoCommit(true);
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("vacuum ferry_instance");
            }
            return new Timing(rewritten, elapsed, true);
        }
    }
}
