package io.ferry.instance;

import io.ferry.persistence.MessageDelivery;
import io.ferry.persistence.MessageStore;
import io.ferry.persistence.SubscriptionChange;
import io.ferry.rollout.ShippedMigrations;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Delivers buffered messages to subscriptions that just opened: the operation that opened them looks,
 * once it is stored, for the oldest unexpired message of the same name (or an old name a shipped plan renames
 * to it) and key, and delivers it as an
 * operation of its own that consumes the buffered row in its statement, so a buffered message is
 * delivered once even when two subscriptions open at the same time.
 */
@ApplicationScoped
public class BufferedMessages {

    private static final Logger LOG = Logger.getLogger(BufferedMessages.class);

    @Inject
    MessageStore messages;
    @Inject
    InstanceOperations operations;
    @Inject
    Clock clock;
    @Inject
    ShippedMigrations migrations;

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
                .onItem().ifNotNull().transformToUni(message -> operations.correlate(subscription.instanceId(),
                                subscription.subscriptionId(), message.variables(),
                                new MessageDelivery(message.messageId(), message.id()), Command.of(null, null))
                        .replaceWithVoid()
                        .onFailure(Conflicts::isDuplicateMessage).recoverWithUni(() -> messages.forget(message.id()))
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Buffered message %s (%s, key %s) could not be delivered to instance %s: %s", message.id(),
                                    subscription.messageName(), subscription.correlationKey(), subscription.instanceId(),
                                    failure.getMessage());
                            return null;
                        }))
                .replaceWithVoid();
    }
}
