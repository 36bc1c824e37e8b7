package io.ferry.plan.cli;

import static io.ferry.plan.cli.ReleaseFiles.process;
import static io.ferry.plan.cli.ReleaseFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate runs the build's checks on real files: every bad input is one line with its exit code, never a stack trace. */
class ValidateCommandTest {

    @TempDir
    Path release;
    Path plans;
    Path processes;

    @BeforeEach
    void currentVersion() {
        plans = release.resolve("plans");
        processes = release.resolve("processes");
        write(processes, "order.bpmn", process("order", "2", "approveOrder", "packParcels"));
    }

    private CommandRun validate() {
        return CommandRun.of("validate", plans.toString(), "--definitions", processes.toString());
    }

    @Test
    void aGoodPlanPassesAndItsChainIsShown() {
        write(plans, "order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\nnodes:\n  reviewOrder: approveOrder\n");

        CommandRun run = validate();

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("ok: 1 plan file(s) fit order version 2",
                "  order 1 → 2 by " + plans.resolve("order-1-to-2.yaml"));
    }

    @Test
    void aTargetTheNewBpmnLacksFailsAsInTheBuild() {
        write(plans, "order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\nnodes:\n  reviewOrder: approveOrdr\n");

        CommandRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(plans.resolve("order-1-to-2.yaml") + ":5:3: node 'reviewOrder' is mapped to "
                        + "'approveOrdr', which the current version 2 of process 'order' does not have: map it to a node of version 2",
                "Ferry found 1 problem in the migration plans");
    }

    @Test
    void aTodoLeftInIsRefusedWhereItStands() {
        write(plans, "order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\nnodes:\n  reviewOrder: TODO\n");

        CommandRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(plans.resolve("order-1-to-2.yaml") + ":5:16: node 'reviewOrder' is mapped to "
                        + "TODO: decide where the instances waiting at 'reviewOrder' go (the comment above it lists what the draft "
                        + "found) and write that node's id",
                "Ferry found 1 problem in the migration plans");
    }

    @Test
    void aPlanForAnotherProcessNamesTheProcessesThereAre() {
        write(plans, "invoice-1-to-2.yaml", "process: invoice\nfrom: 1\nto: 2\n");

        CommandRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(plans.resolve("invoice-1-to-2.yaml") + ":1:10: plan for process 'invoice', "
                        + "which is not among the application's processes (order): fix 'process' or remove the plan",
                "Ferry found 1 problem in the migration plans");
    }

    @Test
    void malformedYamlIsOneLineAtItsPlace() {
        write(plans, "order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\nnodes:\n  reviewOrder: [approveOrder\n");

        CommandRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).isEqualTo(plans.resolve("order-1-to-2.yaml") + ":5:29: not valid YAML: while parsing a flow sequence, expected ',' or ']', but got <stream end>");
    }

    @Test
    void malformedJsonIsOneLineAtItsPlace() {
        write(plans, "order-1-to-2.json", "{\"process\": \"order\", \"from\": \"1\" \"to\": \"2\"}");

        CommandRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).isEqualTo(plans.resolve("order-1-to-2.json") + ":1:34: not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void malformedBpmnIsOneLineAndThePlansWait() {
        write(processes, "order.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<process id=\"order\">\n</definitions>");
        write(plans, "order-1-to-2.yaml", "process: order\nfrom: 1\nto: 2\n");

        CommandRun run = validate();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith(processes.resolve("order.bpmn") + ":3:3 the file is not well-formed XML: ");
        assertThat(run.errLines().get(1)).isEqualTo("Ferry found 1 problem in the process definitions");
    }

    @Test
    void aMissingFileIsAUsageError() {
        CommandRun run = CommandRun.of("validate", release.resolve("plans/nope.yaml").toString(), "--definitions", processes.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(release.resolve("plans/nope.yaml") + ": no such file or folder");
    }

    @Test
    void missingDefinitionsAreAUsageErrorWithAHint() {
        CommandRun run = CommandRun.of("validate", plans.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("Missing required option: '--definitions=BPMN_OR_DIR'",
                "Try: migration-plan/ferry-plan validate --help");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"validate", "draft", "explain", "preview", "lock"}) {
            CommandRun run = CommandRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: migration-plan/ferry-plan " + command);
        }
    }
}
