package io.ferry.deployment.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.plan.cli.PlanCli;
import io.quarkus.test.QuarkusUnitTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * {@code preview --data ferry-data} finds the engine's embedded PostgreSQL by its data folder, as the engine
 * left it (port, user, password), and reads what {@code --db} with all three reads; a folder that holds no
 * such database, or --data with a user or password, is one line with exit code 2.
 */
class PreviewWithTheEngineDataFolderTest {

    private static final Path DATA = Path.of("target/preview-data");
    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="dataFolderCheck" isExecutable="true" ferry:version="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <userTask id="review"/>
                <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Datasource.class)
                    .addAsResource(new StringAsset(PROCESS), "processes/data-folder-check.bpmn"))
            .overrideConfigKey("quarkus.ferry.embedded-postgres.ephemeral", "false")
            .overrideConfigKey("quarkus.ferry.embedded-postgres.data-dir", DATA.resolve("postgres").toString())
            .overrideConfigKey("quarkus.http.test-port", "0")
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.ferry.embedded.EmbeddedPostgres")
                    && record.getMessage().startsWith("The embedded PostgreSQL is"))
            .assertLogRecords(records -> assertThat(records).singleElement().extracting(PreviewWithTheEngineDataFolderTest::formatted)
                    .asString().matches("The embedded PostgreSQL is jdbc:postgresql://127\\.0\\.0\\.1:[0-9]+/ferry, user ferry, "
                            + "password in target/preview-data/postgres/password; preview a release against it with: "
                            + "migration-plan/ferry-plan preview plans --definitions src/main/resources/processes "
                            + "--data target/preview-data/postgres"));

    @Test
    void theDataFolderReadsWhatTheUrlUserAndPasswordRead() throws Exception {
        Run byUrl = preview("--db", Datasource.url(), "--user", Datasource.user(), "--password=" + Datasource.password());
        Run byData = preview("--data", DATA.toString());
        Run byPostgresFolder = preview("--data", DATA.resolve("postgres").toString());

        assertThat(byUrl.exitCode()).as(byUrl.err()).isEqualTo(PlanCli.OK);
        assertThat(byData).isEqualTo(byUrl);
        assertThat(byPostgresFolder).isEqualTo(byUrl);
    }

    @Test
    void aFolderWithoutTheEnginesDatabaseIsOneLine() throws Exception {
        Run tool = preview("--data", "target");

        assertThat(tool.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(tool.err().lines().toList()).containsExactly("target holds no embedded PostgreSQL of Ferry (no password file "
                + "in it or in target/postgres): give --data the folder ferry-data in the directory the engine was started from, "
                + "or the folder quarkus.ferry.embedded-postgres.data-dir names");
    }

    @Test
    void theDataFolderTakesNoUserOrPassword() throws Exception {
        Run tool = preview("--data", DATA.toString(), "--user", "someone");

        assertThat(tool.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(tool.err().lines().toList()).containsExactly(
                "--data finds the user and password in the engine's data folder: leave out --user and --password");
    }

    @Test
    void theUrlAndTheDataFolderExcludeEachOther() throws Exception {
        Run tool = preview("--data", DATA.toString(), "--db", Datasource.url());

        assertThat(tool.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(tool.err().lines().toList()).first().asString()
                .isEqualTo("Error: --db=JDBC_URL, --data=DIR are mutually exclusive (specify only one)");
    }

    private static String formatted(LogRecord record) {
        return record.getParameters() == null ? record.getMessage() : String.format(record.getMessage(), record.getParameters());
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run preview(String... database) throws Exception {
        // QuarkusUnitTest makes its own test instance, so JUnit's @TempDir is not injected into it.
        Path release = Files.createTempDirectory(Path.of("target"), "preview-data-folder");
        Files.createDirectories(release.resolve("plans"));
        Files.createDirectories(release.resolve("processes"));
        Files.writeString(release.resolve("processes/data-folder-check.bpmn"), PROCESS);
        List<String> args = new ArrayList<>(List.of("preview", release.resolve("plans").toString(),
                "--definitions", release.resolve("processes").toString()));
        args.addAll(List.of(database));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine tool = PlanCli.commandLine();
        tool.setOut(new PrintWriter(out, true));
        tool.setErr(new PrintWriter(err, true));
        int exitCode = tool.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }
}
