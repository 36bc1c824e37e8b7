package io.ferry.deployment.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.plan.cli.PlanCli;
import io.quarkus.test.QuarkusUnitTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * How ferry-plan preview gets the database password in a script (no terminal, as in this JVM): the
 * value of {@code --password=...} is used; {@code --password} alone reads one line of stdin and prompts
 * nothing, so {@code --format json} stays JSON (picocli's own prompt would go to {@code System.out});
 * a wrong password or an empty stdin is one line with exit code 2. On a terminal it asks through
 * {@link java.io.Console} without echo, which no test can type into.
 */
class PreviewPasswordFromOptionOrStdinTest {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="passwordCheck" isExecutable="true" ferry:version="1">
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
                    .addAsResource(new StringAsset(PROCESS), "processes/password-check.bpmn"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @BeforeEach
    void noTerminal() {
        assumeTrue(System.console() == null, "these tests run the tool as a script does, without a terminal");
    }

    @Test
    void theOptionsValueIsUsedAndStdinIsNotRead() throws Exception {
        Run tool = preview("wrong" + UUID.randomUUID() + "\n", "--password=" + Datasource.password());

        assertThat(tool.err()).isEmpty();
        assertThat(tool.exitCode()).isIn(PlanCli.OK, PlanCli.PROBLEMS_FOUND);
        assertThat(new ObjectMapper().readTree(tool.out()).has("versions")).as(tool.out()).isTrue();
    }

    @Test
    void withoutAValueItReadsALineOfStdinAndPromptsNothing() throws Exception {
        Run tool = preview(Datasource.password() + "\n", "--password");

        assertThat(tool.err()).isEmpty();
        assertThat(tool.systemOut()).isEmpty();
        assertThat(tool.exitCode()).isIn(PlanCli.OK, PlanCli.PROBLEMS_FOUND);
        assertThat(new ObjectMapper().readTree(tool.out()).has("versions")).as(tool.out()).isTrue();
    }

    @Test
    void aWrongPasswordOnStdinIsRefusedInOneLine() throws Exception {
        Run tool = preview("wrong" + UUID.randomUUID() + "\n", "--password");

        assertThat(tool.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(tool.out()).isEmpty();
        assertThat(tool.err().lines().toList()).singleElement().asString()
                .startsWith("the database at " + Datasource.url() + " refused the login (")
                .endsWith("): check --user and the password (FERRY_DB_PASSWORD or --password)");
    }

    @Test
    void noPasswordAtAllIsNotAnUnreachableDatabase() throws Exception {
        assumeTrue(System.getenv("FERRY_DB_PASSWORD") == null, "the password would come from the environment");
        Run tool = preview("");

        assertThat(tool.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(tool.err().lines().toList()).containsExactly("the database at " + Datasource.url() + " asks for a password "
                + "and none was given (The server requested SCRAM-based authentication, but no password was provided.): set "
                + "FERRY_DB_PASSWORD, give --password (alone, it asks), or for the engine's embedded PostgreSQL give --data "
                + "ferry-data instead of --db");
    }

    @Test
    void anEmptyStdinIsOneLineSayingWhereThePasswordComesFrom() throws Exception {
        Run tool = preview("", "--password");

        assertThat(tool.exitCode()).isEqualTo(PlanCli.USAGE);
        assertThat(tool.out()).isEmpty();
        assertThat(tool.err().lines().toList()).containsExactly("--password without a value reads the password from stdin, "
                + "which ended before a line: pipe it in, give --password=..., or set FERRY_DB_PASSWORD");
    }

    /** {@code systemOut}: what went to {@code System.out} around picocli's writers, where a prompt would go. */
    private record Run(int exitCode, String out, String err, String systemOut) {
    }

    /** The tool with its password options before --format json, as a script runs it with stdin given. */
    private static Run preview(String stdin, String... passwordOptions) throws Exception {
        // QuarkusUnitTest makes its own test instance, so JUnit's @TempDir is not injected into it.
        Path release = Files.createTempDirectory(Path.of("target"), "preview-password");
        Files.createDirectories(release.resolve("plans"));
        Files.createDirectories(release.resolve("processes"));
        Files.writeString(release.resolve("processes/password-check.bpmn"), PROCESS);
        List<String> args = new ArrayList<>(List.of("preview", release.resolve("plans").toString(),
                "--definitions", release.resolve("processes").toString(), "--db", Datasource.url(), "--user", Datasource.user()));
        args.addAll(List.of(passwordOptions));
        args.addAll(List.of("--format", "json"));
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
        try {
            // Made after System.out is replaced: picocli takes a System.out changed since then for a writer of its own.
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine tool = PlanCli.commandLine();
            tool.setOut(new PrintWriter(out, true));
            tool.setErr(new PrintWriter(err, true));
            int exitCode = tool.execute(args.toArray(String[]::new));
            return new Run(exitCode, out.toString(), err.toString(), systemOut.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }
}
