package io.ferry.plan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.PlanChecker;
import io.ferry.plan.PlanProblem;
import io.ferry.plan.PlanReadResult;
import io.ferry.plan.PlanReader;
import io.ferry.release.ReleaseFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What the plans do, in plain language: for each old version, the whole way to the current one. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Says in plain language what the plans do to running instances: for each old version, "
                + "where its instances go on the whole way to the current version, and what happens to their variables.",
                "With --definitions, nodes are named as in the BPMN (give the old versions' files too, to name the old nodes)."})
final class ExplainCommand implements Callable<Integer> {

    static final String SUMMARY = "%d problem(s) in %d plan file(s)";

    @Parameters(arity = "1..*", paramLabel = "PLAN_OR_DIR", description = "Plan files, or folders to search for them.")
    List<Path> plans = new ArrayList<>();

    @Option(names = {"-d", "--definitions"}, arity = "1..*", paramLabel = "BPMN_OR_DIR",
            description = "BPMN files of any versions of the processes, or folders: nodes are then named as the modeler shows them.")
    List<Path> definitions = new ArrayList<>();

    @Option(names = "--current", paramLabel = "PROCESS=VERSION",
            description = "The current version of a process. By default, the one version its plans lead to and none leaves.")
    Map<String, String> current = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print the chains as the JSON the build records, instead of sentences.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ReleaseFile> files = InputFiles.plans(plans);
        if (files.isEmpty()) {
            throw CommandFailure.usage(InputFiles.NO_PLAN_FILES.formatted(InputFiles.names(plans)));
        }
        KnownDefinitions known = definitions.isEmpty() ? KnownDefinitions.NONE : KnownDefinitions.read(InputFiles.bpmn(definitions));
        List<MigrationPlan> read = new ArrayList<>();
        List<PlanProblem> problems = new ArrayList<>();
        for (ReleaseFile file : files) {
            PlanReadResult result = PlanReader.read(file.name(), new String(file.content(), StandardCharsets.UTF_8));
            if (result instanceof PlanReadResult.Read plan) {
                read.add(plan.plan());
            } else {
                problems.addAll(((PlanReadResult.Invalid) result).problems());
            }
        }
        List<String> unreadable = problems.stream().map(PlanProblem::file).distinct().toList();
        CurrentVersions versions = CurrentVersions.of(read, current);
        problems.addAll(versions.problems());
        List<MigrationPlan> placed = read.stream().filter(plan -> versions.versions().containsKey(plan.processId())).toList();
        problems.addAll(PlanChecker.checkVersions(placed, versions.versions(), unreadable));
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.println(SUMMARY.formatted(problems.size(), files.size()));
            err.flush();
            return PlanCli.PROBLEMS_FOUND;
        }
        MigrationChains chains = MigrationChains.compose(read, versions.versions());
        out.print(json ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(chains) + "\n"
                : Explanation.of(chains, read, known));
        out.flush();
        return PlanCli.OK;
    }
}
