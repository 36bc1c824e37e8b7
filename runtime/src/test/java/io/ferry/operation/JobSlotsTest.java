package io.ferry.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The handler slots of one pod: operations take free ones without waiting, claimed jobs wait for theirs in turn,
 * and no slot is handed to an operation while a claimed job waits.
 */
class JobSlotsTest {

    @Test
    void anOperationTakesOnlyTheSlotsThatAreFree() {
        JobSlots slots = new JobSlots(3, false);

        assertThat(slots.tryTake(2)).isEqualTo(2);
        assertThat(slots.tryTake(2)).isEqualTo(1);
        assertThat(slots.tryTake(1)).isZero();
        slots.giveBack(2);
        assertThat(slots.taken()).isEqualTo(1);
        assertThat(slots.tryTake(5)).isEqualTo(2);
    }

    @Test
    void claimedJobsWaitInTurnAndGetTheSlotsGivenBackBeforeAnyOperation() {
        JobSlots slots = new JobSlots(1, false);
        assertThat(slots.tryTake(1)).isOne();
        List<AtomicBoolean> claimed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claimed.add(take(slots));
        }
        assertThat(claimed).noneMatch(AtomicBoolean::get);

        slots.giveBack(1);
        assertThat(claimed.get(0).get()).isTrue();
        assertThat(claimed.get(1).get()).isFalse();
        assertThat(slots.tryTake(1)).as("a waiting job comes first").isZero();

        slots.giveBack(1);
        slots.giveBack(1);
        assertThat(claimed).allMatch(AtomicBoolean::get);
        assertThat(slots.taken()).isOne();
        slots.giveBack(1);
        assertThat(slots.taken()).isZero();
        assertThat(slots.tryTake(1)).isOne();
    }

    @Test
    void aStoppingPodOrOneWhoseWorkersAreOffHandsNothingOverButItsClaimedJobsStillRun() {
        JobSlots stopping = new JobSlots(2, false);
        stopping.close();
        assertThat(stopping.tryTake(1)).isZero();
        assertThat(take(stopping).get()).isTrue();

        JobSlots off = new JobSlots(2, true);
        assertThat(off.tryTake(1)).isZero();
        assertThat(take(off).get()).isTrue();
    }

    /** Asks for a slot as a worker does; true once it was given. */
    private static AtomicBoolean take(JobSlots slots) {
        AtomicBoolean given = new AtomicBoolean();
        slots.take().subscribe().with(nothing -> given.set(true));
        return given;
    }
}
