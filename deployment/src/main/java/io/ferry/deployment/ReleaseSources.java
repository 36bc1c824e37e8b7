package io.ferry.deployment;

import io.ferry.config.FerryBuildTimeConfig;
import io.ferry.release.DefinitionLock;
import io.ferry.release.ToolCommand;
import java.util.List;

/**
 * Where a Maven project keeps what the build checks, as paths from its root, where the analysts' tool is
 * run: so a build error can end with the tool's command that checks the same files in a second.
 */
record ReleaseSources(String processes, String plans) {

    /** Maven's resources folder: the build reads the processes from the classpath it becomes. */
    private static final String RESOURCES = "src/main/resources/";

    static ReleaseSources of(FerryBuildTimeConfig config) {
        return new ReleaseSources(RESOURCES + config.processesLocation().replaceAll("^/+|/+$", ""),
                config.plansLocation().replaceAll("/+$", ""));
    }

    /** The tool's {@code validate}: every check of the BPMN and plan files the build runs, but the handler beans. */
    String validate() {
        return ToolCommand.validate(plans, List.of(processes));
    }

    /** The tool's {@code lock --force}: records a changed definition under the version it kept. */
    String relock() {
        return ToolCommand.lock("--force", List.of(processes), lockFile());
    }

    /** The tool's {@code lock --check}: the build's check of the lock file. */
    String checkLock() {
        return ToolCommand.lock("--check", List.of(processes), lockFile());
    }

    private String lockFile() {
        return plans + "/" + DefinitionLock.FILE_NAME;
    }
}
