package io.ferry.http;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Quarkus 3.34 binds Netty's event-executor metrics once per event loop group, and each binding registers
 * the untagged gauge {@code netty.eventexecutor.workers}, so Micrometer warns at every start that the second
 * is ignored (quarkusio/quarkus#52014). That gauge counts one group's workers under a name that claims all;
 * leaving it out keeps a clean start free of warnings, and the per-executor metrics stay.
 */
@Singleton
public class EventLoopMetrics {

    static final String AMBIGUOUS_WORKER_COUNT = "netty.eventexecutor.workers";

    @Produces
    @Singleton
    MeterFilter withoutTheAmbiguousWorkerCount() {
        return MeterFilter.deny(id -> id.getName().equals(AMBIGUOUS_WORKER_COUNT) && id.getTags().isEmpty());
    }
}
