package io.ferry.operation;

import io.ferry.execution.RefusalReason;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one test of whether an operation a worker, a timer poller or a message sender started was refused because
 * what triggered it is stale: the instance moved on before it came (the job completed, has an incident or is gone,
 * the timer fired or its token moved on, the subscription closed) or the instance ended. The caller forgets the row
 * that led it there instead of trying again.
 */
public final class StaleTrigger {

    /** Each of these answers one trigger only (a job's report, a timer, a message), so one set serves all three. */
    private static final Set<RefusalReason> STALE = EnumSet.of(RefusalReason.JOB_NOT_FOUND, RefusalReason.JOB_HAS_INCIDENT,
            RefusalReason.TIMER_NOT_ARMED, RefusalReason.SUBSCRIPTION_NOT_OPEN, RefusalReason.INSTANCE_NOT_ACTIVE);

    private StaleTrigger() {
    }

    /** Whether the engine refused the operation because its trigger is stale. */
    public static boolean refused(OperationResult.Refused<?> refusal) {
        return refusal.reason() != null && STALE.contains(refusal.reason());
    }
}
