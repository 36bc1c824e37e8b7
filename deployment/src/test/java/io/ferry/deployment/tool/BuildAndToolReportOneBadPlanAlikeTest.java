package io.ferry.deployment.tool;

import static io.ferry.deployment.build.BuildFailures.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.deployment.FerryBuildException;
import io.ferry.plan.cli.PlanCli;
import io.quarkus.test.QuarkusUnitTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The build and ferry-plan validate run one implementation of the checks: on the same bad plan
 * they print the same problems, word for word, under the same heading (the tool names files by
 * the path it was given, the build by resource).
 */
class BuildAndToolReportOneBadPlanAlikeTest {

    private static final String PLAN = """
            process: order
            from: 1
            to: 2
            nodes:
              approve: reveiw
            """;
    private static final String UNDECIDED = """
            process: order
            from: 0
            to: 1
            nodes:
              ship: TODO
            """;
    private static final AtomicReference<String> BUILD_REPORT = new AtomicReference<>();

    @RegisterExtension
    static final QuarkusUnitTest build = new QuarkusUnitTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(process("order", "2")), "processes/order.bpmn")
                    .addAsResource(new StringAsset(UNDECIDED), "plans/order-0-to-1.yaml")
                    .addAsResource(new StringAsset(PLAN), "plans/order-1-to-2.yaml"))
            .assertException(thrown -> {
                Throwable cause = thrown;
                while (cause != null && !(cause instanceof FerryBuildException)) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("the build's report").isNotNull();
                BUILD_REPORT.set(cause.getMessage());
            });

    @TempDir
    Path release;

    @Test
    void theToolPrintsWhatTheBuildReports() throws Exception {
        Files.createDirectories(release.resolve("plans"));
        Files.createDirectories(release.resolve("processes"));
        Files.writeString(release.resolve("plans/order-0-to-1.yaml"), UNDECIDED);
        Files.writeString(release.resolve("plans/order-1-to-2.yaml"), PLAN);
        Files.writeString(release.resolve("processes/order.bpmn"), process("order", "2"));
        StringWriter err = new StringWriter();
        CommandLine tool = PlanCli.commandLine();
        tool.setErr(new PrintWriter(err, true));
        tool.setOut(new PrintWriter(new StringWriter(), true));

        int exitCode = tool.execute("validate", release.resolve("plans").toString(),
                "--definitions", release.resolve("processes").toString());

        List<String> buildLines = BUILD_REPORT.get().lines().toList();
        assertThat(buildLines).containsExactly(
                "Ferry found 2 problems in the migration plans:",
                "  - plans/order-0-to-1.yaml:5:9: node 'ship' is mapped to TODO: decide where the instances waiting at 'ship' "
                        + "go (the comment above it lists what the draft found) and write that node's id",
                "  - plans/order-1-to-2.yaml:5:3: node 'approve' is mapped to 'reveiw', which the current version 2 of process "
                        + "'order' does not have: map it to a node of version 2");
        List<String> expectedFromTool = buildLines.subList(1, buildLines.size()).stream()
                .map(line -> release + "/" + line.substring("  - ".length()))
                .toList();
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString().lines().toList())
                .containsExactlyElementsOf(concat(expectedFromTool, buildLines.get(0).replaceAll(":$", "")));
    }

    private static List<String> concat(List<String> lines, String last) {
        return java.util.stream.Stream.concat(lines.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
