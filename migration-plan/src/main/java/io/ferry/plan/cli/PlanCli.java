package io.ferry.plan.cli;

import io.ferry.release.ToolCommand;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ferry-plan}, the analysts' tool: writes, checks, explains and previews migration plans
 * before a release is built. Every problem is one line naming the file, line and column; never a
 * stack trace.
 */
@Command(name = "ferry-plan", mixinStandardHelpOptions = true, version = "ferry-plan 0.1",
        description = "Writes, checks, explains and previews Ferry migration plans.",
        subcommands = {ValidateCommand.class, DraftCommand.class, ExplainCommand.class, PreviewCommand.class,
                LockCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:all is well",
                "1:problems found (in the files, or instances that would block)",
                "2:the command could not run as asked (wrong options, a missing file, a database it cannot reach)"})
public final class PlanCli implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEMS_FOUND = 1;
    public static final int USAGE = 2;
    static final String UNEXPECTED = "ferry-plan stopped on an unexpected error (%s); please report it with the command you ran";
    static final String DID_YOU_MEAN = "Did you mean: %s?";
    static final String TRY = "Try: %s --help";

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command, ready to execute; tests set its output streams. */
    public static CommandLine commandLine() {
        // Named as the person started it, so usage and hints are commands they can paste.
        CommandLine command = new CommandLine(new PlanCli()).setCommandName(ToolCommand.launcher());
        command.setExecutionExceptionHandler(PlanCli::failed);
        command.setParameterExceptionHandler(PlanCli::misused);
        return command;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: validate, draft, explain, preview or lock");
    }

    /** One line for the person, and the exit code for the script; a stack trace helps neither. */
    private static int failed(Exception exception, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (exception instanceof CommandFailure failure) {
            err.println(failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        err.println(UNEXPECTED.formatted(exception));
        err.flush();
        return PROBLEMS_FOUND;
    }

    private static int misused(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String qualifiedName = command.getCommandSpec().qualifiedName();
        err.println(exception.getMessage());
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            // picocli finds the near names; a mistyped command gets the whole command line, an option just its name.
            List<String> suggestions = unmatched.getSuggestions().stream()
                    .map(suggestion -> unmatched.isUnknownOption() ? suggestion : qualifiedName + " " + suggestion).toList();
            err.println(DID_YOU_MEAN.formatted(String.join(" or ", suggestions)));
        }
        err.println(TRY.formatted(qualifiedName));
        err.flush();
        return USAGE;
    }
}
