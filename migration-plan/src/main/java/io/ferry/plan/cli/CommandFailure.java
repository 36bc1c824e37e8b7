package io.ferry.plan.cli;

/**
 * Why a command could not do what it was asked, said in one line; the exit code tells a script which
 * kind of failure it was ({@link PlanCli#PROBLEMS_FOUND} or {@link PlanCli#USAGE}).
 */
final class CommandFailure extends RuntimeException {

    private final int exitCode;

    private CommandFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** The command line asks for something that cannot be: a missing file, an option that makes no sense. */
    static CommandFailure usage(String message) {
        return new CommandFailure(message, PlanCli.USAGE);
    }

    /** The inputs were read, and they have a problem a person must fix. */
    static CommandFailure problem(String message) {
        return new CommandFailure(message, PlanCli.PROBLEMS_FOUND);
    }

    int exitCode() {
        return exitCode;
    }
}
