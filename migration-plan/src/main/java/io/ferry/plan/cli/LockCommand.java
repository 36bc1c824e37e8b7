package io.ferry.plan.cli;

import io.ferry.release.DefinitionLock;
import io.ferry.release.ProcessFilesCheck;
import io.ferry.release.ReleaseProblems;
import io.ferry.release.ToolCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes or checks the lock file that keeps a changed definition from keeping its version ({@link DefinitionLock}). */
@Command(name = "lock", mixinStandardHelpOptions = true,
        description = {"Records, for each process, its version and a hash of what running instances depend on "
                + "(the nodes where they can wait, with kind and scope), in a lock file committed with the plans.",
                "The build fails when a definition changed in a way that matters to running instances but kept its version."})
final class LockCommand implements Callable<Integer> {

    static final String OUT_OF_DATE = "%s is out of date (%s): run %s";
    static final String UP_TO_DATE = "%s is up to date";
    static final String WROTE = "wrote %s: %s";

    @Option(names = {"-d", "--definitions"}, required = true, arity = "1..*", paramLabel = "BPMN_OR_DIR",
            description = "The BPMN files of the current versions, or folders to search for them.")
    List<Path> definitions = new ArrayList<>();

    @Option(names = "--lock-file", paramLabel = "FILE", defaultValue = ToolCommand.DEFAULT_LOCK_FILE,
            description = "The lock file (default ${DEFAULT-VALUE}).")
    Path lockFile;

    @Option(names = "--check", description = "Write nothing; exit with 1 when the lock file is missing, out of date, or a definition changed without a new version.")
    boolean check;

    @Option(names = "--force", description = "Record a definition that changed but kept its version: only when no instance of that version runs anywhere yet.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ProcessFilesCheck.Result processes = ProcessFilesCheck.check(InputFiles.bpmn(definitions));
        if (!processes.problems().isEmpty()) {
            List<String> lines = new ArrayList<>(processes.problems());
            lines.add(ReleaseProblems.heading(processes.problems().size(), ProcessFilesCheck.SUBJECT));
            throw CommandFailure.problem(String.join(System.lineSeparator(), lines));
        }
        DefinitionLock now = DefinitionLock.of(processes.definitions());
        Optional<DefinitionLock> before = existing();
        List<String> problems = before.map(lock -> lock.problems(processes.definitions(), lockFile.toString(), relock(true))).orElse(List.of());
        if (!problems.isEmpty() && (check || !force)) {
            List<String> lines = new ArrayList<>(problems);
            lines.add(ReleaseProblems.heading(problems.size(), DefinitionLock.SUBJECT));
            throw CommandFailure.problem(String.join(System.lineSeparator(), lines));
        }
        if (check) {
            if (before.isEmpty() || !before.get().write().equals(now.write())) {
                String what = before.map(lock -> String.join(", ", lock.outOfDate(processes.definitions()))).orElse("it does not exist");
                throw CommandFailure.problem(OUT_OF_DATE.formatted(lockFile, what.isEmpty() ? "names or files changed" : what,
                        relock(false)));
            }
            out.println(UP_TO_DATE.formatted(lockFile));
        } else {
            if (lockFile.getParent() != null) {
                Files.createDirectories(lockFile.getParent());
            }
            Files.writeString(lockFile, now.write(), StandardCharsets.UTF_8);
            out.println(WROTE.formatted(lockFile, String.join(", ", now.processes().stream()
                    .map(entry -> entry.process() + " version " + entry.version()).toList())));
        }
        out.flush();
        return PlanCli.OK;
    }

    /** This command again, writing: what the person runs to bring the lock file up to date. */
    private String relock(boolean forced) {
        return ToolCommand.lock(forced ? "--force" : "", definitions.stream().map(Path::toString).toList(), lockFile.toString());
    }

    private Optional<DefinitionLock> existing() {
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        DefinitionLock.Read read = DefinitionLock.read(lockFile.toString(), InputFiles.bytes(lockFile), relock(true));
        if (read instanceof DefinitionLock.Read.Locked locked) {
            return Optional.of(locked.lock());
        }
        if (force && !check) {
            return Optional.empty();
        }
        throw CommandFailure.problem(((DefinitionLock.Read.Malformed) read).problem());
    }
}
