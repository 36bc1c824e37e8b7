package io.ferry.timer;

import io.ferry.persistence.DueRows;
import jakarta.enterprise.context.ApplicationScoped;

/** The rows of armed timers ({@code ferry_timer}) that the timer pollers claim. */
@ApplicationScoped
public class DueTimers extends DueRows {

    public DueTimers() {
        super(DueRows.TIMER_CLAIM, DueRows.TIMER_FORGET, DueRows.TIMER_BACKLOG, DueRows.TIMER_RELEASE);
    }
}
