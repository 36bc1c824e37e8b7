package io.ferry.due;

/**
 * The two kinds of work every pod claims from a table of due rows, and the names each goes by in metrics and logs.
 *
 * @param meterPrefix the backlog gauges' prefix ({@code <prefix>.due}, {@code <prefix>.lag.seconds})
 * @param resultCounter the counter of what became of each claimed row, tagged {@code result}
 */
public enum DueWork {

    TIMERS("timers", "ferry.timers", "ferry.timers.polled", "fired", "fire"),
    JOBS("jobs", "ferry.jobs", "ferry.jobs.run", "started", "run");

    private final String rows;
    private final String meterPrefix;
    private final String resultCounter;
    private final String started;
    private final String run;

    DueWork(String rows, String meterPrefix, String resultCounter, String started, String run) {
        this.rows = rows;
        this.meterPrefix = meterPrefix;
        this.resultCounter = resultCounter;
        this.started = started;
        this.run = run;
    }

    /** What the rows are, in a sentence: "timers", "jobs". */
    String rows() {
        return rows;
    }

    String meterPrefix() {
        return meterPrefix;
    }

    String resultCounter() {
        return resultCounter;
    }

    /** What had not happened yet to a row a stopping pod lets go of: "fired", "started". */
    String started() {
        return started;
    }

    /** What another pod does with it: "fire", "run". */
    String run() {
        return run;
    }
}
