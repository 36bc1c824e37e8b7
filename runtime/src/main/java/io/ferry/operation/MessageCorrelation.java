package io.ferry.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.catalog.ShippedMigrations;
import io.ferry.execution.EngineCommand;
import io.ferry.operation.InstanceTransaction.Step;
import io.ferry.operation.InstanceTransaction.Stored;
import io.ferry.persistence.MessageDelivery;
import io.ferry.persistence.MessageStore;
import io.ferry.persistence.SubscriptionChange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers messages to the instances that wait for them, each delivery an operation on its instance. Whenever an
 * operation opened subscriptions, once it is stored, each looks for the oldest unexpired buffered message of the
 * same name (or an old name a shipped plan renames to it) and key, and gets it delivered by an operation of its own
 * that consumes the buffered row in its statement, so a buffered message is delivered once even when two
 * subscriptions open at the same time. A delivery may open further subscriptions, which look in turn.
 */
@ApplicationScoped
public class MessageCorrelation {

    private static final Logger LOG = Logger.getLogger(MessageCorrelation.class);

    @Inject
    InstanceTransaction transaction;
    @Inject
    MessageStore messages;
    @Inject
    ShippedMigrations migrations;
    @Inject
    Clock clock;

    /**
     * Delivers a message to an open subscription of the instance. The delivery's message id is remembered with it,
     * and a buffered message is consumed with it.
     */
    public Uni<OperationResult<Stored>> correlate(UUID instanceId, String subscriptionId, ObjectNode variables,
            MessageDelivery delivery, Causation causation) {
        Step step = Step.of(instanceId, new EngineCommand.CorrelateMessage(subscriptionId, variables), causation)
                .delivering(delivery);
        return transaction.advance(step).call(this::deliverBuffered);
    }

    /** After an operation: a buffered message to each subscription it opened that has one waiting. */
    public Uni<Void> deliverBuffered(OperationResult<Stored> operation) {
        return operation.fold(stored -> deliverTo(stored.openedSubscriptions()), refused -> Uni.createFrom().voidItem());
    }

    /** Delivers a buffered message to each subscription that has one waiting; failures are logged, not raised. */
    public Uni<Void> deliverTo(List<SubscriptionChange> opened) {
        if (opened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(opened)
                .onItem().transformToUniAndConcatenate(this::deliverTo)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deliverTo(SubscriptionChange subscription) {
        return messages.waiting(migrations.messageNames(subscription.messageName()), subscription.correlationKey(), clock.instant())
                .onItem().ifNotNull().transformToUni(message -> correlate(subscription.instanceId(), subscription.subscriptionId(),
                                message.variables(), new MessageDelivery(message.messageId(), message.id()), Causation.ofPod())
                        .invoke(delivered -> delivered.fold(stored -> null, refused -> {
                            notDelivered(message.id(), subscription, refused.problem().detail());
                            return null;
                        }))
                        .replaceWithVoid()
                        .onFailure(Conflicts::isDuplicateMessage).recoverWithUni(() -> messages.forget(message.id()))
                        .onFailure().recoverWithItem(failure -> {
                            notDelivered(message.id(), subscription, failure.getMessage());
                            return null;
                        }))
                .replaceWithVoid();
    }

    private static void notDelivered(UUID messageId, SubscriptionChange subscription, String why) {
        LOG.warnf("Buffered message %s (%s, key %s) could not be delivered to instance %s: %s", messageId,
                subscription.messageName(), subscription.correlationKey(), subscription.instanceId(), why);
    }
}
