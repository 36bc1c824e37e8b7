package io.ferry.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both versions of a file that holds two processes, order and invoice: {@code --process} chooses the
 * one the plan is for, and the draft knows nothing of the other; without it, or with an id the file
 * lacks, the command stops with one line naming the processes there are (exit code 2: it could not
 * run as asked). A file with no executable process at all says so rather than asking to choose.
 */
class DraftOfOneProcessAmongSeveralTest {

    @TempDir
    Path work;

    private Path older;
    private Path newer;

    @BeforeEach
    void twoVersionsOfAFileWithTwoProcesses() {
        older = ReleaseFiles.write(work, "old/billing.bpmn", ReleaseFiles.definitions(
                ReleaseFiles.processElement("order", "1", "reviewOrder"),
                ReleaseFiles.processElement("invoice", "1", "checkInvoice")));
        newer = ReleaseFiles.write(work, "processes/billing.bpmn", ReleaseFiles.definitions(
                ReleaseFiles.processElement("order", "2", "approveOrder"),
                ReleaseFiles.processElement("invoice", "2", "checkInvoiceAmount")));
    }

    @Test
    void theNamedProcessIsDraftedAndNoOther() {
        CommandRun draft = CommandRun.of("draft", older.toString(), newer.toString(), "--process", "invoice");

        assertThat(draft.exitCode()).as(draft.err()).isZero();
        assertThat(draft.out()).contains("""
                process: invoice
                from: "1"
                to: "2"
                """);
        assertThat(draft.out()).contains("  checkInvoice: checkInvoiceAmount\n").doesNotContain("reviewOrder", "approveOrder");
        assertThat(draft.errLines()).containsExactly("wrote the plan above: 1 node(s) to map, 1 proposed, 0 TODO to decide");
    }

    @Test
    void anUnknownProcessIsOneLineNamingThoseThereAre() {
        CommandRun draft = CommandRun.of("draft", older.toString(), newer.toString(), "--process", "claims");

        assertThat(draft.exitCode()).isEqualTo(2);
        assertThat(draft.out()).isEmpty();
        assertThat(draft.errLines()).containsExactly(older + " has no executable process 'claims' (it holds order, invoice): "
                + "check --process");
    }

    @Test
    void withoutProcessItAsksToNameOne() {
        CommandRun draft = CommandRun.of("draft", older.toString(), newer.toString());

        assertThat(draft.exitCode()).isEqualTo(2);
        assertThat(draft.out()).isEmpty();
        assertThat(draft.errLines()).containsExactly(older + " holds 2 executable processes (order, invoice): name one with --process");
    }

    @Test
    void aFileWithoutAnExecutableProcessSaysWhatToGive() {
        Path pool = ReleaseFiles.write(work, "old/pool.bpmn", ReleaseFiles.definitions(
                ReleaseFiles.processElement("order", "1", "reviewOrder").replace("isExecutable=\"true\"", "isExecutable=\"false\"")));

        CommandRun draft = CommandRun.of("draft", pool.toString(), newer.toString(), "--process", "order");

        assertThat(draft.exitCode()).isEqualTo(2);
        assertThat(draft.errLines()).containsExactly(pool + " holds no executable process: give the BPMN of the process whose "
                + "instances move");
    }
}
