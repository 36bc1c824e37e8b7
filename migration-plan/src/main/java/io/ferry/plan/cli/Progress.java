package io.ferry.plan.cli;

import java.io.PrintWriter;

/** A progress bar on one line of the terminal, for large tables; silent when the output is not a terminal. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean shown;

    Progress(PrintWriter err, boolean shown) {
        this.err = err;
        this.shown = shown;
    }

    void update(long done, long total) {
        if (!shown || total == 0) {
            return;
        }
        int filled = (int) (WIDTH * Math.min(done, total) / total);
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + " of " + total + " instances");
        err.flush();
    }

    void done() {
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
