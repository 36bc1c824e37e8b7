package io.ferry.plan.cli;

import io.ferry.bpmn.BpmnReadResult;
import io.ferry.bpmn.BpmnReader;
import io.ferry.definition.ProcessDefinition;
import io.ferry.release.ToolCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes a first plan from two versions of a process ({@link PlanDraft}). */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Writes a first migration plan from the old and the new version of a process.",
                "Nodes that kept their id map implicitly. For each node where an old instance can wait that the new "
                        + "version lacks, it proposes a target (by kind, name and place in the flow, with the reason and a "
                        + "confidence as a comment), or writes TODO, which validate refuses until you decide."})
final class DraftCommand implements Callable<Integer> {

    static final String ONE_PROCESS = "%s holds %d executable processes (%s): name one with --process";
    static final String NO_SUCH_PROCESS = "%s has no executable process '%s' (it holds %s): check --process";
    static final String NO_PROCESS = "%s holds no executable process: give the BPMN of the process whose instances move";
    static final String OTHER_PROCESS = "%s is process '%s' but %s is process '%s': a plan moves instances within one process";
    static final String SAME_VERSION = "%s and %s are both version %s of process '%s': raise the version on the new one's process element";
    static final String EXISTS = "%s already exists: choose another file, or add --force to replace it";
    static final String WRITTEN = "wrote %s: %d node(s) to map, %d proposed, %d TODO to decide%s";
    static final String NEXT = "; then: %s";

    @Parameters(index = "0", paramLabel = "OLD.bpmn", description = "The BPMN of the version running instances have.")
    Path olderFile;

    @Parameters(index = "1", paramLabel = "NEW.bpmn", description = "The BPMN of the version the release ships.")
    Path newerFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the plan (.yaml); by default it is printed.")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Option(names = "--process", paramLabel = "PROCESS_ID", description = "The process to draft for, when a file holds several.")
    String processId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output != null && Files.exists(output) && !force) {
            throw CommandFailure.usage(EXISTS.formatted(output));
        }
        ProcessDefinition older = definition(olderFile);
        ProcessDefinition newer = definition(newerFile);
        if (!older.id().equals(newer.id())) {
            throw CommandFailure.problem(OTHER_PROCESS.formatted(olderFile, older.id(), newerFile, newer.id()));
        }
        if (older.version().equals(newer.version())) {
            throw CommandFailure.problem(SAME_VERSION.formatted(olderFile, newerFile, older.version(), older.id()));
        }
        PlanDraft draft = PlanDraft.between(older, newer);
        String validate = ToolCommand.validate(output == null ? PlanDraft.THIS_FILE : output.toString(), List.of(newerFile.toString()));
        String yaml = draft.yaml(olderFile.toString(), newerFile.toString(), validate);
        long mapped = draft.decisions().size();
        long undecided = draft.undecided();
        if (output == null) {
            out.print(yaml);
            out.flush();
        } else {
            Files.writeString(output, yaml, StandardCharsets.UTF_8);
        }
        String where = output == null ? "the plan above" : output.toString();
        String next = output == null ? "" : NEXT.formatted(validate);
        err.println(mapped == 0 ? PlanDraft.NOTHING_TO_MIGRATE.formatted(newer.version(), older.version())
                : WRITTEN.formatted(where, mapped, mapped - undecided, undecided, next));
        err.flush();
        return PlanCli.OK;
    }

    private ProcessDefinition definition(Path file) {
        BpmnReadResult result = BpmnReader.read(file.toString(), InputFiles.bytes(file));
        if (result.hasProblems()) {
            throw CommandFailure.problem(String.join(System.lineSeparator(),
                    result.problems().stream().map(Object::toString).toList()));
        }
        List<ProcessDefinition> definitions = result.definitions();
        if (definitions.isEmpty()) {
            throw CommandFailure.usage(NO_PROCESS.formatted(file));
        }
        String ids = String.join(", ", definitions.stream().map(ProcessDefinition::id).toList());
        if (processId != null) {
            return definitions.stream().filter(definition -> definition.id().equals(processId)).findFirst()
                    .orElseThrow(() -> CommandFailure.usage(NO_SUCH_PROCESS.formatted(file, processId, ids)));
        }
        if (definitions.size() > 1) {
            throw CommandFailure.usage(ONE_PROCESS.formatted(file, definitions.size(), ids));
        }
        return definitions.get(0);
    }
}
