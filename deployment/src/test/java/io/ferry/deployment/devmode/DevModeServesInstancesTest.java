package io.ferry.deployment.devmode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.QuarkusDevModeTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Level;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `./mvnw quarkus:dev` starts Ferry on its embedded PostgreSQL, migrates the schema and answers a
 * query, with no ERROR in the developer's console. Dev mode adds the Dev UI extension, which
 * Quarkus' resolver fetches from Maven Central on first use (an offline build with a local
 * repository that never saw it fails here).
 */
class DevModeServesInstancesTest {

    private static final Path DATABASE = Path.of("target/dev-mode/run-" + ProcessHandle.current().pid()).toAbsolutePath();

    @RegisterExtension
    static final QuarkusDevModeTest DEV_MODE = new QuarkusDevModeTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(resource("rollout/claim-v1.bpmn")), "processes/claim.bpmn")
                    .addAsResource(new StringAsset("""
                            quarkus.ferry.embedded-postgres.ephemeral=true
                            quarkus.ferry.embedded-postgres.data-dir=%s
                            """.formatted(DATABASE.resolve("postgres"))), "application.properties"))
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.SEVERE.intValue());

    @Test
    void devModeListsInstancesWithoutErrors() {
        given().get("/instances").then().statusCode(200);
        assertThat(DEV_MODE.getLogRecords()).extracting(record -> record.getLoggerName() + ": " + record.getMessage()).isEmpty();
    }

    private static String resource(String name) {
        try (InputStream in = DevModeServesInstancesTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
