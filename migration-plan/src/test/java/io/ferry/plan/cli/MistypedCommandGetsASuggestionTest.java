package io.ferry.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mistyped command or option is answered with the near one, as a line to paste, and the help to read. */
class MistypedCommandGetsASuggestionTest {

    @Test
    void aMistypedCommandGetsTheWholeCommandLine() {
        CommandRun run = CommandRun.of("valdate", "plans");

        assertThat(run.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(run.errLines()).containsExactly("Unmatched arguments from index 0: 'valdate', 'plans'",
                "Did you mean: migration-plan/ferry-plan validate?",
                "Try: migration-plan/ferry-plan --help");
    }

    @Test
    void aMistypedOptionGetsTheOptionsName() {
        CommandRun run = CommandRun.of("lock", "--chek", "--definitions", "processes");

        assertThat(run.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(run.errLines()).containsExactly("Unknown option: '--chek'", "Did you mean: --check?",
                "Try: migration-plan/ferry-plan lock --help");
    }

    @Test
    void theUsageNamesTheLauncher() {
        CommandRun run = CommandRun.of("lock", "--help");

        assertThat(run.outLines().get(0)).startsWith("Usage: migration-plan/ferry-plan lock ");
    }
}
