package io.ferry.problem;

/** Carries a {@link Problem} through a reactive pipeline to the HTTP layer. No stack trace: it is expected. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
