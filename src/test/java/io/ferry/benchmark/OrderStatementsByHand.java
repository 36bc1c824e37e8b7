package io.ferry.benchmark;

import io.ferry.persistence.DueRows;
import io.ferry.persistence.HistoryEventRecord;
import io.ferry.persistence.InstanceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling: the very statements Ferry issues for one operation ({@link InstanceStore}'s
 * {@code CREATE}, {@code LOAD} and {@code WRITE}, their {@code $n} placeholders bound positionally),
 * replayed over JDBC with the rows Ferry wrote ({@link OrderTemplates}), one round trip each:
 * <ul>
 * <li>start: one statement inserting the instance and its 5 history events;</li>
 * <li>complete {@code approveOrder}: one statement reading the instance (with its open incidents and
 * applied migrations), one storing the snapshot under the revision check with its 12 history events and
 * the payment job's row, unclaimed (as the request pod stores it: a worker pod claims it; a pod that runs jobs too
 * and has a handler slot free stores it claimed for itself, the same statement with one more value);</li>
 * <li>and run its payment job: one statement storing the job's completion (the worker runs a job handed
 * over by its pod's operation on the instance as that operation stored it: no claim, no read);</li>
 * <li>run payment jobs left due by a request pod, as a worker pod does: one statement claiming a batch of them with
 * their instances ({@code DueRows.JOB_CLAIM_READING}), then for each one storing its completion.</li>
 * </ul>
 */
final class OrderStatementsByHand implements ClosedLoop.Client {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final List<String> HISTORY_COLUMN_TYPES = List.of("uuid", "bigint", "uuid", "text", "text", "text", "text", "text");

    private final Connection connection;
    private final Statement create;
    private final Statement load;
    private final Statement write;
    private final Operation operation;
    /** The claim of due jobs with their instances, prepared on first use (only the job ceiling issues it). */
    private Statement claim;

    private interface Operation {
        void run(OrderStatementsByHand self) throws SQLException;
    }

    /** A statement written with PostgreSQL's numbered placeholders, prepared for JDBC's positional ones. */
    private record Statement(PreparedStatement prepared, List<Integer> numbers) {

        static Statement prepare(Connection connection, String sql) throws SQLException {
            List<Integer> numbers = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(sql);
            StringBuilder positional = new StringBuilder();
            while (placeholder.find()) {
                numbers.add(Integer.parseInt(placeholder.group(1)));
                placeholder.appendReplacement(positional, "?");
            }
            placeholder.appendTail(positional);
            return new Statement(connection.prepareStatement(positional.toString()), numbers);
        }

        ResultSet execute(Object... values) throws SQLException {
            for (int position = 0; position < numbers.size(); position++) {
                prepared.setObject(position + 1, values[numbers.get(position) - 1]);
            }
            return prepared.executeQuery();
        }
    }

    private OrderStatementsByHand(Database database, Operation operation) throws SQLException {
        this.connection = database.connect();
        this.create = Statement.prepare(connection, InstanceStore.CREATE);
        this.load = Statement.prepare(connection, InstanceStore.LOAD);
        this.write = Statement.prepare(connection, InstanceStore.WRITE);
        this.operation = operation;
    }

    static ClosedLoop.ClientFactory starting(Database database, OrderTemplates templates) {
        return index -> new OrderStatementsByHand(database, self -> self.start(templates));
    }

    /** Each connection cycles through its own instances: a second round finds them at a higher revision, as Ferry would. */
    static ClosedLoop.ClientFactory completing(Database database, OrderTemplates templates, List<List<UUID>> instancesPerClient) {
        return index -> {
            List<UUID> instances = instancesPerClient.get(index);
            int[] next = {0};
            return new OrderStatementsByHand(database, self -> self.complete(templates, instances.get(next[0]++ % instances.size())));
        };
    }

    /**
     * As {@link #completing}, and then what the pod's worker does for the payment job the completion handed it: store
     * the job's completion with its history under the revision the completion stored, dropping the job's row. One
     * round trip, as Ferry's worker issues it.
     */
    static ClosedLoop.ClientFactory completingWithJobs(Database database, OrderTemplates templates,
            List<List<UUID>> instancesPerClient) {
        return index -> {
            List<UUID> instances = instancesPerClient.get(index);
            int[] next = {0};
            return new OrderStatementsByHand(database, self -> {
                UUID id = instances.get(next[0]++ % instances.size());
                // handed over: the completion stores the job's row claimed for its own pod until the lease ends
                Stored completed = self.complete(templates, id, now().plusDays(1).plusMinutes(5));
                self.runJob(templates, id, completed);
            });
        };
    }

    /**
     * Runs the due payment jobs as a worker pod does: claims a batch of {@code batchSize} with their instances, then
     * stores each one's completion under the revision the claim read; one job per operation, the claim in the first
     * one of its batch. A claim that finds none fails the operation (there were too few jobs for the phase).
     */
    static ClosedLoop.ClientFactory runningDueJobs(Database database, OrderTemplates templates, int batchSize) {
        return index -> {
            Deque<ClaimedJob> claimed = new ArrayDeque<>();
            return new OrderStatementsByHand(database, self -> {
                if (claimed.isEmpty()) {
                    self.claim(batchSize, claimed);
                }
                ClaimedJob job = claimed.poll();
                self.runJob(templates, job.instance(), job.read());
            });
        };
    }

    /** A job the ceiling claimed, and its instance's columns as the claim read them. */
    private record ClaimedJob(UUID instance, Stored read) {
    }

    private void claim(int batchSize, Deque<ClaimedJob> into) throws SQLException {
        if (claim == null) {
            claim = Statement.prepare(connection, DueRows.JOB_CLAIM_READING);
        }
        OffsetDateTime now = now();
        try (ResultSet rows = claim.execute(now, now.plusMinutes(5), batchSize)) {
            while (rows.next()) {
                rows.getString("state");
                rows.getString("incidents");
                rows.getString("migrations");
                into.add(new ClaimedJob(rows.getObject("instance_id", UUID.class),
                        new Stored(rows.getLong("revision"), rows.getLong("history_length"))));
            }
        }
        if (into.isEmpty()) {
            throw new IllegalStateException("no payment job was due: too few were stored for the phase");
        }
    }

    /** The columns of an instance as the ceiling's write left it: what the next write checks and appends after. */
    private record Stored(long revision, long historyLength) {
    }

    @Override
    public void operate() throws SQLException {
        operation.run(this);
    }

    private void start(OrderTemplates templates) throws SQLException {
        UUID id = UUID.randomUUID();
        List<Object> values = new ArrayList<>(List.of(now(), id, "order", "2", "ACTIVE"));
        values.add(null);
        values.add(id.toString());
        values.add(templates.waitingState());
        values.add((long) templates.startEvents().size());
        values.add(null);
        values.addAll(events(id, 0, templates.startEvents()));
        values.addAll(noRows("uuid", "text", "timestamptz", "uuid", "text")); // timers
        values.addAll(noRows("uuid", "text", "timestamptz", "uuid", "text")); // jobs
        values.addAll(noRows("uuid", "text", "text", "text", "uuid", "text")); // message subscriptions
        values.add(null); // no message id delivered
        values.add(connection.createArrayOf("timestamptz", new Object[0])); // no job claimed
        try (ResultSet created = create.execute(values.toArray())) {
            created.next();
        }
    }

    private Stored complete(OrderTemplates templates, UUID id) throws SQLException {
        return complete(templates, id, null);
    }

    /**
     * The completion's statements, with the payment job's row claimed until {@code claimedUntil} (null: unclaimed);
     * none dropped. Due in a day, not now as Ferry's: should a pod with workers run beside the ceiling, it must not
     * take these jobs (and change the instances under the ceiling's feet).
     */
    private Stored complete(OrderTemplates templates, UUID id, OffsetDateTime claimedUntil) throws SQLException {
        OffsetDateTime due = now().plusDays(1);
        return readAndStore(id, templates.completedState(), templates.completeEvents(),
                List.of(array("uuid", id), array("text", templates.jobId()), array("timestamptz", due),
                        connection.createArrayOf("uuid", new Object[0]), connection.createArrayOf("text", new Object[0])),
                array("timestamptz", claimedUntil));
    }

    private void runJob(OrderTemplates templates, UUID id, Stored completed) throws SQLException {
        // no job made due; the completed one's row dropped
        List<Object> jobs = new ArrayList<>(noRows("uuid", "text", "timestamptz"));
        jobs.addAll(List.of(array("uuid", id), array("text", templates.jobId())));
        store(id, completed, templates.paidState(), templates.jobEvents(), jobs, connection.createArrayOf("timestamptz",
                new Object[0]));
    }

    /**
     * An operation on a stored instance, as Ferry issues it: {@code LOAD}, then {@code WRITE} of the new state and
     * its history events under the revision read, with {@code jobs} as the job columns (rows made due, rows dropped)
     * and {@code claims} the claims of the rows made due.
     */
    private Stored readAndStore(UUID id, String state, List<OrderTemplates.HistoryEvent> events, List<Object> jobs,
            java.sql.Array claims) throws SQLException {
        Stored read;
        try (ResultSet row = load.execute(id)) {
            row.next();
            read = new Stored(row.getLong("revision"), row.getLong("history_length"));
            row.getString("state");
            row.getString("incidents");
            row.getString("migrations");
        }
        return store(id, read, state, events, jobs, claims);
    }

    /** {@code WRITE} of the new state under the revision {@code read}; what it stored. */
    private Stored store(UUID id, Stored read, String state, List<OrderTemplates.HistoryEvent> events, List<Object> jobs,
            java.sql.Array claims) throws SQLException {
        List<Object> values = new ArrayList<>(List.of(now(), array("uuid", id), array("bigint", read.revision()),
                array("text", "order"), array("text", "2"), array("text", "ACTIVE"), array("text", state),
                array("bigint", read.historyLength() + events.size()), array("boolean", false)));
        values.addAll(events(id, read.historyLength(), events));
        values.addAll(noRows("uuid", "text", "timestamptz", "uuid", "text")); // timers
        values.addAll(jobs);
        values.addAll(noRows("uuid", "uuid", "text", "text", "text", "int", "uuid", "text")); // job incidents
        values.addAll(noRows("uuid", "text", "text", "text", "uuid", "text")); // message subscriptions
        values.add(null); // no message id delivered
        values.add(null); // no buffered message consumed
        values.add(claims);
        try (ResultSet stored = write.execute(values.toArray())) {
            if (!stored.next()) {
                throw new IllegalStateException("instance " + id + " was not at revision " + read.revision());
            }
        }
        return new Stored(read.revision() + 1, read.historyLength() + events.size());
    }

    /** The history rows Ferry would append, bound as Ferry binds them: one array per column. */
    private List<Object> events(UUID instance, long sequence, List<OrderTemplates.HistoryEvent> events) throws SQLException {
        List<HistoryEventRecord> rows = new ArrayList<>(events.size());
        String cause = "command-" + UUID.randomUUID();
        for (OrderTemplates.HistoryEvent event : events) {
            HistoryEventRecord row = new HistoryEventRecord();
            row.instanceId = instance;
            row.sequence = ++sequence;
            row.id = UUID.randomUUID();
            row.type = event.type();
            row.nodeId = event.nodeId();
            row.tokenId = event.tokenId();
            row.causationId = cause;
            cause = row.id.toString();
            rows.add(row);
        }
        List<Object> columns = new ArrayList<>(InstanceStore.historyColumns(rows));
        for (int i = 0; i < events.size(); i++) {
            // The templates hold the data as the JSON text Ferry stored.
            ((String[]) columns.get(6))[i] = events.get(i).data();
        }
        List<Object> arrays = new ArrayList<>(columns.size());
        for (int column = 0; column < columns.size(); column++) {
            arrays.add(connection.createArrayOf(HISTORY_COLUMN_TYPES.get(column), (Object[]) columns.get(column)));
        }
        return arrays;
    }

    /** Empty arrays for rows the operation does not write, one per column. */
    private List<Object> noRows(String... types) throws SQLException {
        List<Object> arrays = new ArrayList<>();
        for (String type : types) {
            arrays.add(connection.createArrayOf(type, new Object[0]));
        }
        return arrays;
    }

    private java.sql.Array array(String type, Object element) throws SQLException {
        return connection.createArrayOf(type, new Object[] {element});
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
