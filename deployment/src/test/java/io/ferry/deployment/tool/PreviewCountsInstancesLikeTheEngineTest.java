package io.ferry.deployment.tool;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.plan.cli.PlanCli;
import io.quarkus.test.QuarkusUnitTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/**
 * Three version 1 instances on the embedded PostgreSQL: one at reviewOrder, one with two tokens
 * (packItems and the join), one at a node version 2 lacks. The engine's preview and ferry-plan
 * preview (read-only, over JDBC) both count 2 instances to move and 1 that does not — instances,
 * not the 4 tokens — and agree on every node; the tool's database errors are one line with exit code 2.
 */
class PreviewCountsInstancesLikeTheEngineTest {

    private static final String ORDER_V2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
              <process id="previewedOrder" isExecutable="true" ferry:version="2">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
                <parallelGateway id="fork"/>
                <sequenceFlow id="f2" sourceRef="fork" targetRef="approveOrder"/>
                <sequenceFlow id="f3" sourceRef="fork" targetRef="packParcels"/>
                <userTask id="approveOrder" name="Approve order"/>
                <userTask id="packParcels" name="Pack parcels"/>
                <sequenceFlow id="f4" sourceRef="approveOrder" targetRef="ready"/>
                <sequenceFlow id="f5" sourceRef="packParcels" targetRef="ready"/>
                <parallelGateway id="ready"/>
                <sequenceFlow id="f6" sourceRef="ready" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;
    private static final String PLAN = """
            process: previewedOrder
            from: 1
            to: 2
            nodes:
              reviewOrder: approveOrder
              packItems: packParcels
            """;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Datasource.class)
                    .addAsResource(new StringAsset(ORDER_V2), "processes/previewed-order.bpmn")
                    .addAsResource(new StringAsset(PLAN), "plans/previewed-order-1-to-2.yaml"))
            .overrideConfigKey("quarkus.http.test-port", "0");

    private static String blocked;

    @BeforeAll
    static void storeVersion1Instances() throws Exception {
        store("""
                [{"id":"t2","nodeId":"reviewOrder","scopeId":null,"state":"WAITING"}]""");
        store("""
                [{"id":"t4","nodeId":"packItems","scopeId":null,"state":"WAITING"},
                 {"id":"t5","nodeId":"ready","scopeId":null,"state":"JOINING"}]""");
        blocked = store("""
                [{"id":"t3","nodeId":"giftWrap","scopeId":null,"state":"WAITING"}]""");
    }

    @Test
    void theToolAndTheEngineCountTheSameInstances() throws Exception {
        JsonNode engine = new ObjectMapper().readTree(given().get("/admin/migrations/preview").then().statusCode(200)
                .extract().asString());
        Run tool = preview("--db", Datasource.url(), "--user", Datasource.user());

        assertThat(tool.exitCode()).as(tool.err()).isEqualTo(1);
        JsonNode cli = new ObjectMapper().readTree(tool.out());
        // Other test classes of this JVM may leave instances of their processes in the database: look at this one's.
        assertThat(version(cli)).isEqualTo(version(engine)).isEqualTo("3 instance(s), 2 move, 1 do not");
        assertThat(summary(cli)).isEqualTo(summary(engine)).containsExactly(
                "giftWrap WAITING 1 instance(s) 1 token(s) BLOCKS null [" + blocked + "]",
                "packItems WAITING 1 instance(s) 1 token(s) MOVES packParcels []",
                "ready JOINING 1 instance(s) 1 token(s) MOVES ready []",
                "reviewOrder WAITING 1 instance(s) 1 token(s) MOVES approveOrder []");
    }

    @Test
    void aWrongPasswordIsOneLine() throws Exception {
        Run tool = preview("--db", Datasource.url(), "--user", Datasource.user(), "--password=wrong" + UUID.randomUUID());

        assertThat(tool.exitCode()).isEqualTo(2);
        assertThat(tool.err().lines().toList()).singleElement().asString()
                .startsWith("the database at " + Datasource.url() + " refused the login (")
                .endsWith("): check --user and the password (FERRY_DB_PASSWORD or --password)");
    }

    @Test
    void anUnreachableDatabaseIsOneLine() throws Exception {
        Run tool = preview("--db", "jdbc:postgresql://127.0.0.1:1/ferry", "--user", "ferry");

        assertThat(tool.exitCode()).isEqualTo(2);
        assertThat(tool.err().lines().toList()).singleElement().asString()
                .startsWith("cannot reach the database at jdbc:postgresql://127.0.0.1:1/ferry (")
                .endsWith("): check --db and that PostgreSQL runs there");
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** The tool as an analyst runs it, with the password from --password when the test gives one. */
    private Run preview(String... database) throws Exception {
        // QuarkusUnitTest makes its own test instance, so JUnit's @TempDir is not injected into it.
        Path release = Files.createTempDirectory(Path.of("target"), "preview-release");
        Files.createDirectories(release.resolve("plans"));
        Files.createDirectories(release.resolve("processes"));
        Files.writeString(release.resolve("plans/previewed-order-1-to-2.yaml"), PLAN);
        Files.writeString(release.resolve("processes/previewed-order.bpmn"), ORDER_V2);
        List<String> args = new ArrayList<>(List.of("preview", release.resolve("plans").toString(),
                "--definitions", release.resolve("processes").toString(), "--format", "json"));
        args.addAll(List.of(database));
        if (args.stream().noneMatch(arg -> arg.startsWith("--password"))) {
            args.add("--password=" + Datasource.password());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine tool = PlanCli.commandLine();
        tool.setOut(new PrintWriter(out, true));
        tool.setErr(new PrintWriter(err, true));
        int exitCode = tool.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static String version(JsonNode preview) {
        for (JsonNode version : preview.path("versions")) {
            if (version.path("processId").asText().equals("previewedOrder")) {
                return "%d instance(s), %d move, %d do not".formatted(version.path("instances").asLong(),
                        version.path("instancesToMove").asLong(), version.path("instancesBlocked").asLong());
            }
        }
        return "no version group";
    }

    private static List<String> summary(JsonNode preview) {
        List<String> lines = new ArrayList<>();
        preview.path("groups").forEach(group -> lines.add(group.path("processId").asText().equals("previewedOrder") ? "%s %s %d instance(s) %d token(s) %s %s %s".formatted(
                group.path("nodeId").asText(), group.path("tokenState").asText(), group.path("instances").asLong(),
                group.path("tokens").asLong(), group.path("outcome").asText(), group.path("targetNodeId").asText(),
                group.path("sampleInstanceIds")).replace("\"", "") : null));
        lines.removeIf(java.util.Objects::isNull);
        return lines;
    }

    private static String store(String tokens) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(Datasource.url(), Datasource.user(), Datasource.password());
             PreparedStatement insert = connection.prepareStatement("""
                     insert into ferry_instance (id, process_id, process_version, status, correlation_id, state, revision,
                                                 history_length, created_at, updated_at)
                     values (?, 'previewedOrder', '1', 'ACTIVE', ?, ?::jsonb, 1, 0, now(), now())""")) {
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, """
                    {"processId":"previewedOrder","version":"1","status":"ACTIVE","tokens":%s,"scopes":[],"variables":{},"lastIdNumber":5}"""
                    .formatted(tokens));
            insert.executeUpdate();
        }
        return id.toString();
    }
}
