package io.ferry.plan.cli;

import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs what the build runs on the BPMN and plan files ({@link io.ferry.release}), with the same
 * messages, so a plan that passes here passes the build.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks migration plans against the BPMN of the current versions, exactly as the build does.",
                "Prints every problem as file:line:column and its message (a BPMN problem names its element's id in "
                        + "brackets). Not checked here: the service-task handler beans, which only the build can see."})
final class ValidateCommand implements Callable<Integer> {

    static final String VALID = "ok: %d plan file(s) fit %s";

    @Parameters(arity = "1..*", paramLabel = "PLAN_OR_DIR", description = "Plan files, or folders to search for them.")
    List<Path> plans = new ArrayList<>();

    @Option(names = {"-d", "--definitions"}, required = true, arity = "1..*", paramLabel = "BPMN_OR_DIR",
            description = "The BPMN files of the current versions (what the release ships), or folders to search for them.")
    List<Path> definitions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Release release = Release.check(plans, definitions);
        out.println(VALID.formatted(InputFiles.plans(plans).size(), versions(release.definitions())));
        release.chains().chains().forEach(chain -> out.println("  " + chainLine(chain)));
        out.flush();
        return PlanCli.OK;
    }

    private static String versions(List<ProcessDefinition> definitions) {
        return definitions.stream().map(definition -> definition.id() + " version " + definition.version())
                .collect(Collectors.joining(", "));
    }

    private static String chainLine(CompiledChain chain) {
        return "%s %s → %s by %s".formatted(chain.processId(), chain.fromVersion(), chain.toVersion(),
                String.join(", ", chain.planFiles()));
    }
}
