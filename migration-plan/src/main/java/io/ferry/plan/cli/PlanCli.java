package io.ferry.plan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.PlanChecker;
import io.ferry.plan.PlanProblem;
import io.ferry.plan.PlanReadResult;
import io.ferry.plan.PlanReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The analysts' command line: reads plan files, prints every problem as {@code file:line:column:
 * message} and exits with 1, or prints the chains the plans compose into. It has no BPMN, so it
 * checks versions, not node ids; the build checks those.
 */
@Command(name = "ferry-plans", mixinStandardHelpOptions = true, version = "Ferry plans 0.1",
        description = "Reads Ferry migration plans and reports their problems (file:line:column), "
                + "or prints the direct chains they compose into.")
public final class PlanCli implements Callable<Integer> {

    public static final String NO_PLAN_FILES = "no plan files (.yaml, .yml, .json, .mpf) in %s";
    public static final String UNREADABLE = "cannot read the file (%s): check the path and its permissions";
    public static final String SUMMARY = "%d problem(s) in %d plan file(s)";

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Plan files, or folders to search for them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--current", paramLabel = "PROCESS=VERSION",
            description = "The current version of a process. By default, the one version its plans lead to and none leaves.")
    Map<String, String> current = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the chains as the JSON the build records.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command, ready to execute; tests set its output streams. */
    public static CommandLine commandLine() {
        return new CommandLine(new PlanCli());
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = PlanFiles.find(paths);
        if (files.isEmpty()) {
            err.println(NO_PLAN_FILES.formatted(paths));
            return 1;
        }
        List<MigrationPlan> plans = new ArrayList<>();
        List<PlanProblem> problems = new ArrayList<>();
        files.forEach(file -> read(file, plans, problems));
        List<String> unreadable = problems.stream().map(PlanProblem::file).distinct().toList();
        CurrentVersions versions = CurrentVersions.of(plans, current);
        problems.addAll(versions.problems());
        List<MigrationPlan> placed = plans.stream().filter(plan -> versions.versions().containsKey(plan.processId())).toList();
        problems.addAll(PlanChecker.checkVersions(placed, versions.versions(), unreadable));
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(SUMMARY.formatted(problems.size(), files.size()));
            return 1;
        }
        MigrationChains chains = MigrationChains.compose(plans, versions.versions());
        out.print(json ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(chains) + "\n"
                : ChainText.of(chains));
        out.flush();
        return 0;
    }

    private static void read(Path file, List<MigrationPlan> plans, List<PlanProblem> problems) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            problems.add(new PlanProblem(file.toString(), 0, 0, UNREADABLE.formatted(e.getClass().getSimpleName())));
            return;
        }
        PlanReadResult result = PlanReader.read(file.toString(), content);
        if (result instanceof PlanReadResult.Read read) {
            plans.add(read.plan());
        } else {
            problems.addAll(((PlanReadResult.Invalid) result).problems());
        }
    }
}
