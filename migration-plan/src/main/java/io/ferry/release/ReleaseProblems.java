package io.ferry.release;

/** How the build and the tool head a list of problems, so both read alike. */
public final class ReleaseProblems {

    private ReleaseProblems() {
    }

    /** {@code Ferry found 2 problems in the migration plans}. */
    public static String heading(int count, String subject) {
        return "Ferry found " + count + (count == 1 ? " problem in " : " problems in ") + subject;
    }
}
