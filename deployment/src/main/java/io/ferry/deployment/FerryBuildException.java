package io.ferry.deployment;

import io.ferry.release.ReleaseProblems;
import java.util.List;

/** Fails the build with every problem found, one per line, so an analyst can fix them all at once. */
public final class FerryBuildException extends RuntimeException {

    public FerryBuildException(String subject, List<String> problems) {
        super(message(subject, problems), null, false, false);
    }

    static String message(String subject, List<String> problems) {
        StringBuilder message = new StringBuilder(ReleaseProblems.heading(problems.size(), subject)).append(':');
        problems.forEach(problem -> message.append("\n  - ").append(problem));
        return message.toString();
    }
}
