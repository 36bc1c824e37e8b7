package io.ferry.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.DeployedProcesses;
import io.ferry.catalog.ShippedMigrations;
import io.ferry.config.FerryConfig;
import io.ferry.definition.Node;
import io.ferry.execution.ExecutableProcess;
import io.ferry.persistence.MessageDelivery;
import io.ferry.persistence.MessageStore;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to a message sent with {@code POST /messages}: it is delivered to the oldest open
 * subscription of its name and correlation key, or starts an instance at a message start event of
 * its name, or, when it has a time to live, waits in the buffer until a subscription opens or it
 * expires. A message id seen before is not delivered again.
 */
@ApplicationScoped
public class Messages {

    /** Seconds a sender refused for a full buffer is asked to wait. */
    static final int BUFFER_RETRY_AFTER_SECONDS = 5;
    /** Subscription rows tried before giving up when each turns out stale (its instance moved on meanwhile). */
    private static final int SUBSCRIBERS_TRIED = 5;

    /** A message as sent. */
    public record Message(String name, String correlationKey, ObjectNode variables, String messageId, Duration timeToLive) {
    }

    /** What became of it. */
    public enum Disposition { CORRELATED, STARTED, BUFFERED, DUPLICATE }

    /** What became of a message, and the instance it went to (none when buffered). */
    public record Result(Disposition disposition, UUID instanceId, Instant expiresAt) {
    }

    @Inject
    MessageStore store;
    @Inject
    MessageCorrelation correlation;
    @Inject
    InstanceStarts starts;
    @Inject
    DeployedProcesses processes;
    @Inject
    FerryConfig config;
    @Inject
    Clock clock;
    @Inject
    ShippedMigrations migrations;

    public Uni<OperationResult<Result>> publish(Message message, Causation causation) {
        if (message.messageId() == null) {
            return deliver(message, causation);
        }
        return store.receipt(message.messageId()).chain(receipt -> receipt != null
                ? Uni.createFrom().item(OperationResult.done(new Result(Disposition.DUPLICATE, receipt.instanceId(), null)))
                : deliver(message, causation));
    }

    private Uni<OperationResult<Result>> deliver(Message message, Causation causation) {
        Uni<List<MessageStore.Subscriber>> subscribers = message.correlationKey() == null
                ? Uni.createFrom().item(List.of())
                : store.subscribers(migrations.messageNames(message.name()), message.correlationKey(), SUBSCRIBERS_TRIED);
        return subscribers.chain(found -> correlate(message, found, 0, causation))
                .onItem().ifNull().switchTo(() -> start(message, causation))
                .onItem().ifNull().switchTo(() -> buffer(message))
                .onFailure(Conflicts::isDuplicateMessage).recoverWithUni(() -> store.receipt(message.messageId())
                        .map(receipt -> OperationResult.done(new Result(Disposition.DUPLICATE,
                                receipt == null ? null : receipt.instanceId(), null))));
    }

    /** Delivers to the oldest subscriber whose subscription is still open; null when none is. */
    private Uni<OperationResult<Result>> correlate(Message message, List<MessageStore.Subscriber> subscribers, int index,
            Causation causation) {
        if (index >= subscribers.size()) {
            return Uni.createFrom().nullItem();
        }
        MessageStore.Subscriber subscriber = subscribers.get(index);
        return correlation.correlate(subscriber.instanceId(), subscriber.subscriptionId(), message.variables(),
                        new MessageDelivery(message.messageId(), null), causation)
                .chain(delivered -> delivered.fold(
                        stored -> Uni.createFrom().item(OperationResult.done(new Result(Disposition.CORRELATED,
                                subscriber.instanceId(), null))),
                        refused -> StaleTrigger.refused(refused)
                                ? store.forget(subscriber).chain(() -> correlate(message, subscribers, index + 1, causation))
                                : Uni.createFrom().item(refused.as())));
    }

    /** Starts an instance of the first process that starts with a message of this name; null when none does. */
    private Uni<OperationResult<Result>> start(Message message, Causation causation) {
        for (ExecutableProcess process : processes.all()) {
            Optional<Node> startEvent = process.messageStartEvent(message.name());
            if (startEvent.isPresent()) {
                return starts.startByMessage(process, startEvent.get().id(), message.variables(), message.messageId(), causation)
                        .map(started -> started.map(instance -> new Result(Disposition.STARTED, instance.instance().row().id, null)));
            }
        }
        return Uni.createFrom().nullItem();
    }

    /** Keeps the message until a subscription opens, if it may wait; otherwise nobody waits for it: 404. */
    private Uni<OperationResult<Result>> buffer(Message message) {
        if (message.timeToLive() == null) {
            return OperationResult.refusedNow(Problem.of(ProblemType.NO_SUBSCRIBER, ("No instance waits for message '%s'%s and no "
                    + "process starts with it. Send it with a timeToLive (e.g. \"PT1H\") to keep it until an instance "
                    + "waits for it.").formatted(message.name(), message.correlationKey() == null ? ""
                    : " with correlation key '" + message.correlationKey() + "'")).with("messageName", message.name()));
        }
        Instant now = clock.instant();
        long limit = config.messages().maxBuffered();
        Instant expiresAt = now.plus(message.timeToLive());
        return store.buffered(now).chain(buffered -> {
            if (buffered >= limit) {
                return OperationResult.<Result>refusedNow(Problem.of(ProblemType.MESSAGE_BUFFER_FULL, buffered + " messages are "
                        + "buffered, the most this server keeps (quarkus.ferry.messages.max-buffered=" + limit + "); message '"
                        + message.name() + "' was not kept. Retry after " + BUFFER_RETRY_AFTER_SECONDS + " seconds.")
                        .with(Problem.RETRY_AFTER_SECONDS, BUFFER_RETRY_AFTER_SECONDS));
            }
            return store.buffer(message.name(), message.correlationKey(), message.variables(), message.messageId(), expiresAt, now)
                    .map(kept -> OperationResult.done(kept ? new Result(Disposition.BUFFERED, null, expiresAt)
                            : new Result(Disposition.DUPLICATE, null, null)));
        });
    }
}
