package io.ferry.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.input.FerryJson;
import io.ferry.plan.MessageRename;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The reads and writes of messages outside an instance's own statement: finding the subscriptions a
 * message matches, buffering a message nobody waits for yet, and finding a buffered one when a
 * subscription opens. Subscriptions and receipts are written only by the instance's statement
 * ({@link InstanceStore}).
 */
@ApplicationScoped
public class MessageStore {

    static final String SUBSCRIBERS = """
            select instance_id, subscription_id from ferry_subscription
            where message_name = any($1::text[]) and correlation_key = $2
            order by created_at, instance_id, subscription_id
            limit $3""";
    static final String FORGET_SUBSCRIPTION = "delete from ferry_subscription where instance_id = $1 and subscription_id = $2";
    static final String RECEIPT = """
            select instance_id from ferry_message_receipt where message_id = $1
            union all
            select null from ferry_message where message_id = $1""";
    static final String BUFFER = """
            insert into ferry_message (id, name, correlation_key, variables, message_id, expires_at, created_at)
            values ($1, $2, $3, $4::text::jsonb, $5, $6, $7)
            on conflict (message_id) do nothing
            returning id""";
    static final String WAITING = """
            select id, message_id, variables::text as variables from ferry_message
            where name = any($1) and correlation_key = $2 and expires_at > $3
            order by created_at, id
            limit 1""";
    static final String EXPIRE = "delete from ferry_message where expires_at <= $1";
    static final String BUFFERED = "select count(*) as buffered from ferry_message where expires_at > $1";
    static final String FORGET_MESSAGE = "delete from ferry_message where id = $1";
    /**
     * Buffered messages whose subscriber opened meanwhile (the pod that opened it died before delivering), oldest
     * first; a message matches under its name or a name a shipped plan renames it to or from ($3 → $4, pairwise).
     * Each row carries the message's name, under which {@link #WAITING} finds it again.
     */
    static final String MATCHED = """
            select distinct on (m.created_at, m.id) m.name as message_name, s.correlation_key, s.instance_id, s.subscription_id
            from ferry_message m
            join ferry_subscription s on s.correlation_key = m.correlation_key and (s.message_name = m.name
                or exists (select 1 from unnest($3::text[], $4::text[]) as renamed(old_name, new_name)
                           where (renamed.old_name = m.name and renamed.new_name = s.message_name)
                              or (renamed.old_name = s.message_name and renamed.new_name = m.name)))
            where m.expires_at > $1
            order by m.created_at, m.id, s.created_at
            limit $2""";

    /** An open subscription a message matches. */
    public record Subscriber(UUID instanceId, String subscriptionId) {
    }

    /** A buffered message. */
    public record Buffered(UUID id, String messageId, ObjectNode variables) {
    }

    /** What an earlier message with the same id did: delivered to an instance, or buffered (null instance). */
    public record Receipt(UUID instanceId) {
    }

    @Inject
    Pool pool;

    /** Up to {@code limit} subscriptions waiting for the message under any of these names, oldest first. */
    public Uni<List<Subscriber>> subscribers(List<String> names, String correlationKey, int limit) {
        return pool.preparedQuery(SUBSCRIBERS).execute(Tuple.of(names.toArray(String[]::new), correlationKey, limit)).map(rows -> {
            List<Subscriber> found = new ArrayList<>();
            rows.forEach(row -> found.add(new Subscriber(row.getUUID("instance_id"), row.getString("subscription_id"))));
            return found;
        });
    }

    /** Removes a subscription row its instance no longer has open. */
    public Uni<Void> forget(Subscriber subscriber) {
        return pool.preparedQuery(FORGET_SUBSCRIPTION).execute(Tuple.of(subscriber.instanceId(), subscriber.subscriptionId()))
                .replaceWithVoid();
    }

    /** What happened to a message with this id before, or null when nothing did. */
    public Uni<Receipt> receipt(String messageId) {
        return pool.preparedQuery(RECEIPT).execute(Tuple.of(messageId))
                .map(rows -> rows.size() == 0 ? null : new Receipt(rows.iterator().next().getUUID("instance_id")));
    }

    /** Buffers a message; false when one with the same message id is buffered already. */
    public Uni<Boolean> buffer(String name, String correlationKey, ObjectNode variables, String messageId, Instant expiresAt,
            Instant now) {
        return pool.preparedQuery(BUFFER).execute(Tuple.from(Arrays.asList(UUID.randomUUID(), name, correlationKey,
                        text(variables), messageId, timestamp(expiresAt), timestamp(now))))
                .map(rows -> rows.size() == 1);
    }

    /** The oldest buffered message under any of these names for a subscription that just opened, unless it expired; or null. */
    public Uni<Buffered> waiting(List<String> names, String correlationKey, Instant now) {
        return pool.preparedQuery(WAITING).execute(Tuple.of(names.toArray(String[]::new), correlationKey, timestamp(now))).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            return new Buffered(row.getUUID("id"), row.getString("message_id"), (ObjectNode) tree(row.getString("variables")));
        });
    }

    /** Subscriptions that have a buffered message waiting: each as it would be opened now. */
    public Uni<List<SubscriptionChange>> matched(Instant now, int limit, List<MessageRename> renames) {
        String[] oldNames = renames.stream().map(MessageRename::oldName).toArray(String[]::new);
        String[] newNames = renames.stream().map(MessageRename::newName).toArray(String[]::new);
        return pool.preparedQuery(MATCHED).execute(Tuple.of(timestamp(now), limit, oldNames, newNames)).map(rows -> {
            List<SubscriptionChange> found = new ArrayList<>();
            rows.forEach(row -> found.add(new SubscriptionChange(row.getUUID("instance_id"), row.getString("subscription_id"),
                    row.getString("message_name"), row.getString("correlation_key"))));
            return found;
        });
    }

    /** Deletes a buffered message (a duplicate of one delivered already). */
    public Uni<Void> forget(UUID bufferedId) {
        return pool.preparedQuery(FORGET_MESSAGE).execute(Tuple.of(bufferedId)).replaceWithVoid();
    }

    /** Deletes the messages whose time to live ran out; returns how many. */
    public Uni<Integer> expire(Instant now) {
        return pool.preparedQuery(EXPIRE).execute(Tuple.of(timestamp(now))).map(rows -> rows.rowCount());
    }

    /** How many messages are buffered and not expired. */
    public Uni<Long> buffered(Instant now) {
        return pool.preparedQuery(BUFFERED).execute(Tuple.of(timestamp(now))).map(rows -> rows.iterator().next().getLong("buffered"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return FerryJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A buffered message holds JSON Ferry cannot read: " + e.getMessage(), e);
        }
    }

    private static String text(ObjectNode json) {
        try {
            return FerryJson.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }
}
