package io.ferry.plan.cli;

import static io.ferry.plan.cli.ReleaseFiles.process;
import static io.ferry.plan.cli.ReleaseFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plans 1 → 2 (packItems becomes packParcels) and 2 → 3 (packParcels becomes packAndLabel): instances of
 * version 1 never waited at packParcels, a node version 2 introduced, so the explanation of version 1 does
 * not list it, with or without the old BPMN; version 2's does.
 */
class ExplainOfTwoPlansInARowTest {

    @TempDir
    Path release;

    @Test
    void aNodeALaterVersionIntroducedIsNotListedUnderAnEarlierOne() {
        Path processes = release.resolve("processes");
        write(processes, "order.bpmn", process("order", "3", "approveOrder", "packAndLabel"));
        write(release, "plans/order-1-to-2.yaml", """
                process: order
                from: "1"
                to: "2"
                nodes:
                  reviewOrder: approveOrder
                  packItems: packParcels
                """);
        write(release, "plans/order-2-to-3.yaml", """
                process: order
                from: "2"
                to: "3"
                nodes:
                  packParcels: packAndLabel
                """);

        CommandRun run = CommandRun.of("explain", release.resolve("plans").toString(), "--definitions", processes.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String one = release.resolve("plans/order-1-to-2.yaml").toString();
        String two = release.resolve("plans/order-2-to-3.yaml").toString();
        assertThat(run.outLines()).containsExactly(
                "Instances of 'Order' (order) at version 1 move to version 3 (" + one + ", then " + two + "):",
                "  - instances waiting at reviewOrder move to 'Approve order' (approveOrder)",
                "  - instances waiting at packItems move to 'Pack and label' (packAndLabel)",
                "  - instances waiting anywhere else stay at the node of the same id",
                "Instances of 'Order' (order) at version 2 move to version 3 (" + two + "):",
                "  - instances waiting at packParcels move to 'Pack and label' (packAndLabel)",
                "  - instances waiting anywhere else stay at the node of the same id");
    }

    @Test
    void theOldBpmnDecidesWhenGiven() {
        Path processes = release.resolve("processes");
        write(processes, "order.bpmn", process("order", "3", "approveOrder", "packAndLabel"));
        // Version 1 did have a node packParcels beside packItems: the plan merges them, so both move on.
        Path old = write(release, "old/order-v1.bpmn", process("order", "1", "reviewOrder", "packItems", "packParcels"));
        write(release, "plans/order-1-to-2.yaml", """
                process: order
                from: "1"
                to: "2"
                nodes:
                  reviewOrder: approveOrder
                  packItems: packParcels
                """);
        write(release, "plans/order-2-to-3.yaml", """
                process: order
                from: "2"
                to: "3"
                nodes:
                  packParcels: packAndLabel
                """);

        CommandRun run = CommandRun.of("explain", release.resolve("plans").toString(), "--definitions", processes.toString(),
                old.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("  - instances waiting at 'Pack parcels' (packParcels) move to 'Pack and label' (packAndLabel)");
        assertThat(run.outLines().subList(0, 5)).contains(
                "  - instances waiting at 'Pack items' (packItems) move to 'Pack and label' (packAndLabel)",
                "  - instances waiting at 'Pack parcels' (packParcels) move to 'Pack and label' (packAndLabel)");
    }
}
