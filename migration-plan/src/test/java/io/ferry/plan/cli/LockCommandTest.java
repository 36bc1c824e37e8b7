package io.ferry.plan.cli;

import static io.ferry.plan.cli.ReleaseFiles.process;
import static io.ferry.plan.cli.ReleaseFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock catches a definition that changed where instances wait but kept its version. */
class LockCommandTest {

    @TempDir
    Path release;

    @Test
    void aChangeThatMattersNeedsANewVersion() throws Exception {
        Path processes = release.resolve("processes");
        Path lock = release.resolve("plans/ferry-plan.lock");
        write(processes, "order.bpmn", process("order", "2", "approveOrder", "packParcels"));

        CommandRun locked = CommandRun.of("lock", "--definitions", processes.toString(), "--lock-file", lock.toString());
        assertThat(locked.exitCode()).isZero();
        assertThat(locked.outLines()).containsExactly("wrote " + lock + ": order version 2");
        assertThat(Files.readString(lock)).contains("\"approveOrder userTask\"", "\"hash\" : \"sha256:");
        assertThat(CommandRun.of("lock", "--check", "--definitions", processes.toString(), "--lock-file", lock.toString()).exitCode())
                .isZero();

        write(processes, "order.bpmn", process("order", "2", "approveOrder", "packItems"));
        CommandRun changed = CommandRun.of("lock", "--check", "--definitions", processes.toString(), "--lock-file", lock.toString());

        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.errLines()).containsExactly(processes.resolve("order.bpmn") + ": process 'order' is still version 2, "
                        + "but what its running instances depend on changed since " + lock + " recorded it (gone: packParcels userTask; "
                        + "new: packItems userTask): bump the version and add a plan from version 2; if no instance of version 2 runs "
                        + "anywhere yet, run migration-plan/ferry-plan lock --force --definitions " + processes + " --lock-file " + lock,
                "Ferry found 1 problem in the definition lock");

        write(processes, "order.bpmn", process("order", "3", "approveOrder", "packItems"));
        CommandRun bumped = CommandRun.of("lock", "--check", "--definitions", processes.toString(), "--lock-file", lock.toString());
        assertThat(bumped.exitCode()).isEqualTo(1);
        assertThat(bumped.errLines()).containsExactly(lock + " is out of date (order version 3): run "
                + "migration-plan/ferry-plan lock --definitions " + processes + " --lock-file " + lock);
        assertThat(CommandRun.of("lock", "--definitions", processes.toString(), "--lock-file", lock.toString()).exitCode()).isZero();
    }

    @Test
    void aMalformedLockFileIsOneLine() throws Exception {
        Path processes = release.resolve("processes");
        write(processes, "order.bpmn", process("order", "2", "approveOrder"));
        Path lock = write(release, "plans/ferry-plan.lock", "{\"processes\": [\n  {\"process\": \"order\",}\n]}");

        CommandRun run = CommandRun.of("lock", "--check", "--definitions", processes.toString(), "--lock-file", lock.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith(lock + ":2:23: not a lock file ferry-plan lock writes: ");
    }
}
