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
 * The entity mappings agree with the schema the Flyway scripts create, as `./mvnw quarkus:dev` checks
 * it: in dev mode Hibernate validates the schema after boot and only logs what disagrees, as ERROR
 * lines in the developer's console. This runs the application in dev mode and expects no such line,
 * so a Flyway column whose type differs from its mapping fails the build instead. Dev mode adds the
 * Dev UI extension, which Quarkus' resolver fetches from Maven Central on first use (an offline
 * build with a local repository that never saw it fails here).
 */
class DevModeSchemaValidationTest {

    private static final String VALIDATION_LOGGER = "io.quarkus.hibernate.orm.runtime.schema.SchemaManagementIntegrator";
    private static final Path DATABASE = Path.of("target/dev-mode-schema/run-" + ProcessHandle.current().pid()).toAbsolutePath();

    @RegisterExtension
    static final QuarkusDevModeTest DEV_MODE = new QuarkusDevModeTest()
            .withApplicationRoot(app -> app
                    .addAsResource(new StringAsset(resource("rollout/claim-v1.bpmn")), "processes/claim.bpmn")
                    .addAsResource(new StringAsset("""
                            quarkus.ferry.embedded-postgres.ephemeral=true
                            quarkus.ferry.embedded-postgres.data-dir=%s
                            """.formatted(DATABASE.resolve("postgres"))), "application.properties"))
            .setLogRecordPredicate(record -> record.getLoggerName().equals(VALIDATION_LOGGER)
                    && record.getLevel().intValue() >= Level.WARNING.intValue());

    @Test
    void hibernateFindsTheFlywaySchemaAsMapped() throws InterruptedException {
        given().get("/instances").then().statusCode(200);
        // The validation runs on its own thread after boot; the instance list above has made sure boot is over.
        Thread validation = validationThread();
        if (validation != null) {
            validation.join(30_000);
        }
        assertThat(DEV_MODE.getLogRecords()).extracting(record -> record.getMessage()).isEmpty();
    }

    private static Thread validationThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("Hibernate post-boot validation thread"))
                .findFirst().orElse(null);
    }

    private static String resource(String name) {
        try (InputStream in = DevModeSchemaValidationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
