package io.ferry.deployment.rollout;

import static io.restassured.RestAssured.given;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * A rollout told in ordered test classes: each class is one build of the application (v1, v3, v3
 * with a fixed plan, v1 again), and all of them run against one embedded PostgreSQL directory, as
 * successive images would against one production database.
 */
final class RolloutScenario {

    /** One database per test JVM: every build of the scenario runs in the same surefire JVM. */
    static final Path DIRECTORY = Path.of("target/rollout-e2e/run-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static final Path INSTANCES = DIRECTORY.resolve("instances.properties");

    private RolloutScenario() {
    }

    /** A build of the application: one version of the claim process and the plans shipped with it. */
    static QuarkusUnitTest build(String bpmn, String... plans) {
        return new QuarkusUnitTest()
                .withApplicationRoot(app -> {
                    app.addClass(RolloutScenario.class);
                    app.addAsResource(new StringAsset(resource(bpmn)), "processes/claim.bpmn");
                    for (String plan : plans) {
                        app.addAsResource(new StringAsset(resource(plan)), "plans/" + plan.replace("-fixed", ""));
                    }
                })
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.ferry.embedded-postgres.ephemeral", "false")
                .overrideConfigKey("quarkus.ferry.embedded-postgres.data-dir", DIRECTORY.resolve("postgres").toString());
    }

    static String start(Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).body(Map.of("variables", variables))
                .post("/processes/claim/instances").then().statusCode(201).extract().path("id");
    }

    static void complete(String instanceId, String task, int expectedStatus) {
        given().contentType(ContentType.JSON).body(Map.of("variables", Map.of()))
                .post("/instances/{id}/tasks/{task}/complete", instanceId, task)
                .then().statusCode(expectedStatus);
    }

    static void remember(String name, String instanceId) {
        Properties instances = instances();
        instances.setProperty(name, instanceId);
        try (Writer out = Files.newBufferedWriter(INSTANCES, StandardCharsets.UTF_8)) {
            instances.store(out, "instances started by the v1 build");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String instance(String name) {
        String id = instances().getProperty(name);
        if (id == null) {
            throw new IllegalStateException("instance '" + name + "' was not started: run the rollout classes in order");
        }
        return id;
    }

    /** The stored snapshot exactly as PostgreSQL holds it, with its revision, to prove nothing was written. */
    static String storedRow(String instanceId) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "select process_version, revision, updated_at, state::text from ferry_instance where id = ?::uuid")) {
            query.setString(1, instanceId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1) + "|" + row.getLong(2) + "|" + row.getString(3) + "|" + row.getString(4);
            }
        }
    }

    /**
     * Makes the row look as a newer Ferry would write it: a higher snapshot format and a field this
     * Ferry does not know (as a Ferry that adds message subscriptions might store them).
     */
    static void storeAsNewerFerry(String instanceId, int format) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement("""
                     update ferry_instance
                     set state = jsonb_set(state, '{snapshotFormat}', to_jsonb(?)) || '{"subscriptions": [{"nodeId": "slaExpired"}]}'
                     where id = ?::uuid""")) {
            update.setInt(1, format);
            update.setString(2, instanceId);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no instance " + instanceId);
            }
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Starts the scenario on an empty database of its own. */
    static void resetDatabase() throws IOException {
        Files.createDirectories(DIRECTORY);
        Files.deleteIfExists(INSTANCES);
    }

    private static Properties instances() {
        Properties instances = new Properties();
        if (Files.exists(INSTANCES)) {
            try (Reader in = Files.newBufferedReader(INSTANCES, StandardCharsets.UTF_8)) {
                instances.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instances;
    }

    private static String resource(String name) {
        try (InputStream in = RolloutScenario.class.getResourceAsStream("/rollout/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
