package io.ferry.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyst's session on a real process: version 1 is the corpus file
 * ProcessInstanceAssert-isWaitingForJoinAt3 (Camunda's), with what Ferry needs added (a version and
 * conditions on the split); version 2 is written by hand. draft proposes what it can, leaves a
 * TODO where it cannot tell, validate refuses the TODO until a person decides, then passes, and
 * explain tells the result in words.
 */
class DraftFromCorpusProcessTest {

    private static final String CORPUS_FILE = "camunda-bpm-platform_ProcessInstanceAssert-isWaitingForJoinAt3.bpmn";

    @TempDir
    Path work;

    @Test
    void draftDecideValidateExplain() throws IOException {
        Path v1 = ReleaseFiles.write(work, "old/join.bpmn", version1FromCorpus());
        Path v2 = ReleaseFiles.write(work, "processes/join.bpmn", resource("join-v2.bpmn"));
        Path plan = work.resolve("plans/join-1-to-2.yaml");
        Files.createDirectories(plan.getParent());

        CommandRun draft = CommandRun.of("draft", v1.toString(), v2.toString(), "-o", plan.toString());

        assertThat(draft.exitCode()).isZero();
        assertThat(draft.errLines()).containsExactly("wrote " + plan + ": 2 node(s) to map, 1 proposed, 1 TODO to decide; "
                + "then: migration-plan/ferry-plan validate " + plan + " --definitions " + v2);
        String drafted = Files.readString(plan);
        assertThat(drafted).contains("""
                process: ProcessInstanceAssert-isWaitingForJoinAt3
                from: "1"
                to: "2"
                """);
        assertThat(drafted).contains("""
                  # 'Task 2' (Task2), a userTask, is not in version 2.
                  # Proposed: 'Task 2 checked' (Task2b), a userTask: a similar name; the same place in the flow \
                (after 'Split' (SplitInclusiveGateway), StartEvent_1, before 'Join 1' (JoinInclusiveGateway1), \
                'Join 2' (JoinInclusiveGateway2)). Confidence: high.
                  Task2: Task2b
                """);
        assertThat(drafted).contains("""
                  # 'Task 3' (Task3), a userTask, is not in version 2.
                  # Nothing in version 2 clearly takes its place (candidates: 'Task 2 checked' (Task2b), \
                'Task 1' (Task1), 'Check stock' (CheckStock)). Decide, and write that node's id instead of TODO.
                  Task3: TODO
                """);
        assertThat(drafted).contains("""
                # Conditions changed the variables they read: version 1 only reads third; version 2 only reads needsStock.
                """);
        assertThat(drafted).doesNotContain("Task1:", "JoinInclusiveGateway1:", "JoinInclusiveGateway2:");

        CommandRun undecided = CommandRun.of("validate", plan.toString(), "--definitions", v2.toString());

        assertThat(undecided.exitCode()).isEqualTo(1);
        assertThat(undecided.errLines()).containsExactly(plan + ":13:10: node 'Task3' is mapped to TODO: decide where the "
                        + "instances waiting at 'Task3' go (the comment above it lists what the draft found) and write that node's id",
                "Ferry found 1 problem in the migration plans");

        Files.writeString(plan, drafted.replace("Task3: TODO", "Task3: CheckStock")
                .replace("# variables:\n#   rename: {third: needsStock}", "variables:\n  rename: {third: needsStock}"));

        CommandRun decided = CommandRun.of("validate", plan.toString(), "--definitions", v2.toString());

        assertThat(decided.exitCode()).as(decided.err()).isZero();
        assertThat(decided.outLines()).containsExactly("ok: 1 plan file(s) fit ProcessInstanceAssert-isWaitingForJoinAt3 version 2",
                "  ProcessInstanceAssert-isWaitingForJoinAt3 1 → 2 by " + plan);

        CommandRun explain = CommandRun.of("explain", plan.toString(), "--definitions", v1.toString(), v2.toString());

        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.outLines()).containsExactly(
                "Instances of 'Nested inclusive' (ProcessInstanceAssert-isWaitingForJoinAt3) at version 1 move to version 2 (" + plan + "):",
                "  - instances waiting at 'Task 2' (Task2) move to 'Task 2 checked' (Task2b)",
                "  - instances waiting at 'Task 3' (Task3) move to 'Check stock' (CheckStock)",
                "  - instances waiting anywhere else stay at the node of the same id",
                "  - the variable third is renamed to needsStock");
    }

    @Test
    void saysWhenTheNewVersionHasNothingToMigrate() throws IOException {
        String v1 = version1FromCorpus();
        Path older = ReleaseFiles.write(work, "old/join.bpmn", v1);
        Path newer = ReleaseFiles.write(work, "new/join.bpmn", v1.replace("ferry:version=\"1\"", "ferry:version=\"2\""));

        CommandRun draft = CommandRun.of("draft", older.toString(), newer.toString());

        assertThat(draft.exitCode()).isZero();
        assertThat(draft.out()).contains("# version 2 keeps every node where an instance of version 1 can wait, under the same "
                + "id and kind: instances move without any node mapping").doesNotContain("nodes:");
        assertThat(draft.errLines()).containsExactly("version 2 keeps every node where an instance of version 1 can wait, "
                + "under the same id and kind: instances move without any node mapping");
    }

    @Test
    void twoProcessesCannotBeDrafted() throws IOException {
        Path older = ReleaseFiles.write(work, "old/join.bpmn", version1FromCorpus());
        Path other = ReleaseFiles.write(work, "new/order.bpmn", ReleaseFiles.process("order", "2", "approveOrder"));

        CommandRun draft = CommandRun.of("draft", older.toString(), other.toString());

        assertThat(draft.exitCode()).isEqualTo(1);
        assertThat(draft.errLines()).containsExactly(older + " is process 'ProcessInstanceAssert-isWaitingForJoinAt3' but "
                + other + " is process 'order': a plan moves instances within one process");
    }

    /** The corpus file with a Ferry version on its process and conditions on the split's flows, nothing else changed. */
    private static String version1FromCorpus() throws IOException {
        String corpus = Files.readString(corpusDirectory().resolve(CORPUS_FILE));
        String v1 = corpus
                .replace("<bpmn:process id=", "<bpmn:process xmlns:ferry=\"https://ferry.io/schema/1.0/bpmn\" ferry:version=\"1\" id=")
                .replace("<bpmn:inclusiveGateway id=\"SplitInclusiveGateway\" name=\"Split\">",
                        "<bpmn:inclusiveGateway id=\"SplitInclusiveGateway\" name=\"Split\" default=\"Flow_0eohxgr\">")
                .replace("<bpmn:sequenceFlow id=\"Flow_1e4019d\" sourceRef=\"SplitInclusiveGateway\" targetRef=\"Task2\" />",
                        "<bpmn:sequenceFlow id=\"Flow_1e4019d\" sourceRef=\"SplitInclusiveGateway\" targetRef=\"Task2\">"
                                + "<bpmn:conditionExpression>${second}</bpmn:conditionExpression></bpmn:sequenceFlow>")
                .replace("<bpmn:sequenceFlow id=\"Flow_1ucifke\" sourceRef=\"SplitInclusiveGateway\" targetRef=\"Task3\" />",
                        "<bpmn:sequenceFlow id=\"Flow_1ucifke\" sourceRef=\"SplitInclusiveGateway\" targetRef=\"Task3\">"
                                + "<bpmn:conditionExpression>${third}</bpmn:conditionExpression></bpmn:sequenceFlow>");
        assertThat(v1).as("the corpus file changed; adapt the edits").contains("ferry:version", "default=", "${second}", "${third}");
        return v1;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DraftFromCorpusProcessTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path corpusDirectory() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            Path corpus = directory.resolve("shared/corpus/bpmn");
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        throw new IllegalStateException("BPMN corpus not found: no shared/corpus/bpmn above " + Path.of("").toAbsolutePath());
    }
}
