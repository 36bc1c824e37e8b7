package io.ferry.message;

import io.ferry.catalog.ShippedMigrations;
import io.ferry.operation.MessageCorrelation;
import io.ferry.persistence.MessageStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the message buffer honest, in every pod: deletes messages whose time to live ran out, and
 * delivers buffered messages whose subscriber opened without delivering them (its pod died between
 * storing the subscription and looking at the buffer). Delivery consumes the row in the instance's
 * own statement, so two pods sweeping at once deliver a message once.
 */
@ApplicationScoped
public class MessageBufferSweep {

    private static final int BATCH = 100;

    @Inject
    MessageStore messages;
    @Inject
    MessageCorrelation correlation;
    @Inject
    Clock clock;
    @Inject
    ShippedMigrations migrations;

    private volatile boolean stopping;

    @Scheduled(identity = "ferry-message-buffer", every = "${quarkus.ferry.messages.sweep-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> sweep() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        return messages.expire(now)
                .chain(() -> messages.matched(now, BATCH, migrations.messageRenames()))
                .chain(correlation::deliverTo)
                .onFailure(failure -> stopping).recoverWithNull();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }
}
