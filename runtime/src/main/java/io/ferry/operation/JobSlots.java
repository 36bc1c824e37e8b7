package io.ferry.operation;

import io.ferry.config.FerryConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * How many job handlers this pod calls at once ({@code quarkus.ferry.jobs.concurrency}), whoever asks: a worker
 * takes a slot for each job it claimed, waiting in turn for one to free; an operation that makes a job due takes
 * a free slot, if there is one and no claimed job waits, and hands the job to this pod's workers with its claim
 * already written. Each slot taken is given back once, when its job's run has ended.
 */
@ApplicationScoped
public class JobSlots {

    static final String NO_SLOT = "quarkus.ferry.jobs.concurrency is %d: a pod calls at least one handler at a time; set it "
            + "to 1 or more, or quarkus.ferry.jobs.poll-every=off for a pod that runs no jobs";

    private final int size;
    private final boolean runsNoJobs;
    private int taken;
    private boolean closed;
    private final Queue<Runnable> waiting = new ArrayDeque<>();

    @Inject
    JobSlots(FerryConfig config) {
        this(config.jobs().concurrency(), "off".equals(config.jobs().pollEvery()));
    }

    /**
     * @param size the handlers called at once
     * @param runsNoJobs whether the pod's workers are off ({@code poll-every=off}): jobs run by hand or in another pod
     *        only, so operations hand none over
     */
    JobSlots(int size, boolean runsNoJobs) {
        this.size = size;
        this.runsNoJobs = runsNoJobs;
    }

    /**
     * Refuses to start a pod with no handler slot: its workers' claimed jobs would wait for one for ever, and only
     * another pod, at the end of each lease, would run them.
     */
    void check(@Observes StartupEvent start) {
        if (size < 1) {
            throw new IllegalStateException(NO_SLOT.formatted(size));
        }
    }

    /**
     * Takes up to {@code wanted} free slots at once, none while claimed jobs wait for one or once closed (the pod
     * is stopping, or runs no jobs). Returns how many were taken.
     */
    public synchronized int tryTake(int wanted) {
        if (closed || runsNoJobs || !waiting.isEmpty() || wanted <= 0) {
            return 0;
        }
        int granted = Math.min(wanted, size - taken);
        taken += granted;
        return granted;
    }

    /** A slot, now or as soon as one is given back; claimed jobs get them in the order they asked. */
    public Uni<Void> take() {
        return Uni.createFrom().emitter(emitter -> {
            boolean now;
            synchronized (this) {
                now = taken < size && waiting.isEmpty();
                if (now) {
                    taken++;
                } else {
                    waiting.add(() -> emitter.complete(null));
                }
            }
            if (now) {
                emitter.complete(null);
            }
        });
    }

    /** Gives back {@code count} slots: each goes to the longest waiting job, if any, or is free again. */
    public void giveBack(int count) {
        for (int i = 0; i < count; i++) {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    taken--;
                }
            }
            if (next != null) {
                next.run();
            }
        }
    }

    /** No slot is handed to operations any more: the pod is stopping. Workers' claimed jobs still take theirs. */
    public synchronized void close() {
        closed = true;
    }

    /** Slots taken now (for tests and gauges). */
    public synchronized int taken() {
        return taken;
    }
}
