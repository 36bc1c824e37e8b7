package io.ferry.deployment;

import io.ferry.release.ReleaseProblems;
import java.util.List;
import org.jboss.logging.Logger;

/** Fails the build with every problem found, one per line, so an analyst can fix them all at once. */
public final class FerryBuildException extends RuntimeException {

    static final String CHECK_AGAIN = "%s; check the files again in a second, without a build: %s";
    private static final Logger LOG = Logger.getLogger("io.ferry.build");

    public FerryBuildException(String subject, List<String> problems) {
        super(message(subject, problems), null, false, false);
    }

    /**
     * Logs every problem on a line of its own, then the tool's command that checks the same files, and
     * returns the exception that fails the build. Maven prints the build's log above its "Failed to execute
     * goal … threw an exception", as Quarkus's own build errors are, so the reader sees the problems first.
     */
    static FerryBuildException reported(String subject, List<String> problems, String check) {
        problems.forEach(LOG::error);
        LOG.errorf(CHECK_AGAIN, ReleaseProblems.heading(problems.size(), subject), check);
        return new FerryBuildException(subject, problems);
    }

    static String message(String subject, List<String> problems) {
        StringBuilder message = new StringBuilder(ReleaseProblems.heading(problems.size(), subject)).append(':');
        problems.forEach(problem -> message.append("\n  - ").append(problem));
        return message.toString();
    }
}
