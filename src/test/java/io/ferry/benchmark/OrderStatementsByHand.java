package io.ferry.benchmark;

import io.ferry.persistence.InstanceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * applied migrations), one storing the snapshot under the revision check with its 12 history events.</li>
 * </ul>
 */
final class OrderStatementsByHand implements ClosedLoop.Client {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    private final Connection connection;
    private final Statement create;
    private final Statement load;
    private final Statement write;
    private final Operation operation;

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
        try (ResultSet created = create.execute(values.toArray())) {
            created.next();
        }
    }

    private void complete(OrderTemplates templates, UUID id) throws SQLException {
        long revision;
        long historyLength;
        try (ResultSet row = load.execute(id)) {
            row.next();
            historyLength = row.getLong("history_length");
            revision = row.getLong("revision");
            row.getString("state");
            row.getString("incidents");
            row.getString("migrations");
        }
        List<OrderTemplates.HistoryEvent> events = templates.completeEvents();
        List<Object> values = new ArrayList<>(List.of(now(), array("uuid", id), array("bigint", revision),
                array("text", "order"), array("text", "2"), array("text", "ACTIVE"), array("text", templates.completedState()),
                array("bigint", historyLength + events.size()), array("boolean", false)));
        values.addAll(events(id, historyLength, events));
        try (ResultSet stored = write.execute(values.toArray())) {
            if (!stored.next()) {
                throw new IllegalStateException("instance " + id + " was not at revision " + revision);
            }
        }
    }

    /** The history columns as the statements take them: one array per column. */
    private List<Object> events(UUID instance, long sequence, List<OrderTemplates.HistoryEvent> events) throws SQLException {
        int size = events.size();
        UUID[] instanceIds = new UUID[size];
        Long[] sequences = new Long[size];
        UUID[] ids = new UUID[size];
        String[] types = new String[size];
        String[] nodeIds = new String[size];
        String[] tokenIds = new String[size];
        String[] data = new String[size];
        String[] causationIds = new String[size];
        String cause = "command-" + UUID.randomUUID();
        for (int i = 0; i < size; i++) {
            OrderTemplates.HistoryEvent event = events.get(i);
            instanceIds[i] = instance;
            sequences[i] = ++sequence;
            ids[i] = UUID.randomUUID();
            types[i] = event.type();
            nodeIds[i] = event.nodeId();
            tokenIds[i] = event.tokenId();
            data[i] = event.data();
            causationIds[i] = cause;
            cause = ids[i].toString();
        }
        return List.of(connection.createArrayOf("uuid", instanceIds), connection.createArrayOf("bigint", sequences),
                connection.createArrayOf("uuid", ids), connection.createArrayOf("text", types),
                connection.createArrayOf("text", nodeIds), connection.createArrayOf("text", tokenIds),
                connection.createArrayOf("text", data), connection.createArrayOf("text", causationIds));
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
