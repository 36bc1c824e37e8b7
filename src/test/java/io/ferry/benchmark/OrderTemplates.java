package io.ferry.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rows exactly as Ferry wrote them for one started and one completed {@code order}: the ceiling
 * replays them, and the benchmark copies the started one to get many instances waiting at
 * {@code approveOrder} without waiting for Ferry to start them one by one.
 *
 * @param waiting an instance Ferry started, waiting at {@code approveOrder}
 * @param completed another, whose {@code approveOrder} Ferry completed and whose payment job its workers ran
 * @param waitingState its snapshot
 * @param startEvents the history events of its start
 * @param completedState the snapshot of another instance after {@code approveOrder} was completed
 * @param completeEvents the history events of that completion (not those of the payment job it created)
 * @param paidState the snapshot of that instance once the pod's workers ran its payment job
 * @param jobEvents the history events of that job's completion
 */
record OrderTemplates(UUID waiting, UUID completed, String waitingState, List<HistoryEvent> startEvents, String completedState,
        List<HistoryEvent> completeEvents, String paidState, List<HistoryEvent> jobEvents) {

    record HistoryEvent(String type, String nodeId, String tokenId, String data) {
    }

    /** The id of the payment job the completion creates (its token's id). */
    String jobId() {
        return completeEvents.stream().filter(event -> "JobCreated".equals(event.type())).findFirst()
                .orElseThrow(() -> new IllegalStateException("completing approveOrder created no job: " + completeEvents))
                .tokenId();
    }

    /** Every instance Ferry starts or completes here looks the same, so one of each is the template. */
    static OrderTemplates record(AppProcess app, Database database) throws Exception {
        OrderOverHttp http = new OrderOverHttp(app);
        UUID waiting = http.start();
        UUID completed = http.start();
        http.completeApproval(completed);
        try (Connection connection = database.connect()) {
            List<HistoryEvent> start = events(connection, waiting);
            List<HistoryEvent> complete = events(connection, completed);
            List<HistoryEvent> completion = complete.subList(start.size(), complete.size()).stream()
                    .takeWhile(event -> !"ServiceTaskCompleted".equals(event.type())).toList();
            String completedState = state(connection, completed);
            List<HistoryEvent> paid = paid(connection, completed);
            List<HistoryEvent> job = paid.subList(start.size() + completion.size(), paid.size());
            return new OrderTemplates(waiting, completed, state(connection, waiting), start, completedState, completion,
                    state(connection, completed), job);
        }
    }

    /** The instance's history once the pod's workers ran its payment job (they do at once), waiting up to 30 s. */
    private static List<HistoryEvent> paid(Connection connection, UUID id) throws Exception {
        long giveUp = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            List<HistoryEvent> events = events(connection, id);
            if (events.stream().anyMatch(event -> "ServiceTaskCompleted".equals(event.type()))) {
                return events;
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the payment job of instance " + id + " did not run within 30 s: " + events);
            }
            Thread.sleep(20);
        }
    }

    /**
     * {@code count} copies of the waiting instance, with copies of its history, in one statement;
     * ids in random order as Ferry's are.
     */
    List<UUID> copiesWaitingAtApproval(Database database, int count) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement copy = connection.prepareStatement("""
                with copies as (select gen_random_uuid() as id from generate_series(1, ?)),
                instances as (
                    insert into ferry_instance (id, process_id, process_version, status, business_key, correlation_id, state,
                                                revision, history_length, created_at, updated_at)
                    select c.id, t.process_id, t.process_version, t.status, t.business_key, c.id::text, t.state,
                           t.revision, t.history_length, now(), now()
                    from copies c cross join ferry_instance t where t.id = ?),
                history as (
                    insert into ferry_history_event (instance_id, sequence, id, type, node_id, token_id, data, occurred_at,
                                                     correlation_id, causation_id)
                    select c.id, h.sequence, gen_random_uuid(), h.type, h.node_id, h.token_id, h.data, now(), c.id::text,
                           h.causation_id
                    from copies c cross join ferry_history_event h where h.instance_id = ?)
                select id from copies""")) {
            copy.setInt(1, count);
            copy.setObject(2, waiting);
            copy.setObject(3, waiting);
            List<UUID> ids = new ArrayList<>(count);
            try (ResultSet result = copy.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    /**
     * {@code count} copies of the completed instance as its completion left it: its snapshot then, the history up to
     * it, and its payment job's row, due now and unclaimed, as a request pod leaves them for the workers.
     */
    void copyWaitingForPayment(Database database, int count) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement copy = connection.prepareStatement("""
                with copies as (select gen_random_uuid() as id from generate_series(1, ?)),
                instances as (
                    insert into ferry_instance (id, process_id, process_version, status, business_key, correlation_id, state,
                                                revision, history_length, created_at, updated_at)
                    select c.id, t.process_id, t.process_version, 'ACTIVE', t.business_key, c.id::text, ?::jsonb,
                           1, ?, now(), now()
                    from copies c cross join ferry_instance t where t.id = ?),
                history as (
                    insert into ferry_history_event (instance_id, sequence, id, type, node_id, token_id, data, occurred_at,
                                                     correlation_id, causation_id)
                    select c.id, h.sequence, gen_random_uuid(), h.type, h.node_id, h.token_id, h.data, now(), c.id::text,
                           h.causation_id
                    from copies c cross join ferry_history_event h where h.instance_id = ? and h.sequence <= ?),
                jobs as (
                    insert into ferry_job (instance_id, job_id, due_at) select c.id, ?, now() from copies c)
                select count(*) from copies""")) {
            int events = startEvents.size() + completeEvents.size();
            copy.setInt(1, count);
            copy.setString(2, completedState);
            copy.setLong(3, events);
            copy.setObject(4, completed);
            copy.setObject(5, completed);
            copy.setLong(6, events);
            copy.setString(7, jobId());
            try (ResultSet result = copy.executeQuery()) {
                result.next();
            }
        }
    }

    private static String state(Connection connection, UUID id) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("select state::text from ferry_instance where id = ?")) {
            select.setObject(1, id);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static List<HistoryEvent> events(Connection connection, UUID id) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "select type, node_id, token_id, data::text from ferry_history_event where instance_id = ? order by sequence")) {
            select.setObject(1, id);
            List<HistoryEvent> events = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    events.add(new HistoryEvent(result.getString(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
            return events;
        }
    }
}
