package io.ferry.deployment.timers;

import io.quarkus.test.QuarkusUnitTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * Two builds of a ticket process on one database, as two images of a rollout: version 1 arms a
 * 48-hour service-level timer, version 2 halves it and its plan reschedules running timers. Then two
 * builds of a claim process, whose version 2 hangs boundary events on a sub-process.
 */
final class TimerRollout {

    static final Path DIRECTORY = Path.of("target/timer-rollout/run-" + ProcessHandle.current().pid()).toAbsolutePath();
    private static final Path INSTANCE = DIRECTORY.resolve("ticket-instance");

    private TimerRollout() {
    }

    static QuarkusUnitTest build(String bpmn, String... plans) {
        return new QuarkusUnitTest()
                .withApplicationRoot(app -> {
                    app.addClasses(TimerRollout.class, SettableClock.class);
                    app.addAsResource(new StringAsset(resource(bpmn)), "processes/" + bpmn.replaceFirst("-v\\d+", ""));
                    for (String plan : plans) {
                        app.addAsResource(new StringAsset(resource(plan)), "plans/" + plan);
                    }
                })
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.ferry.timers.poll-every", "off")
                .overrideConfigKey("quarkus.ferry.embedded-postgres.ephemeral", "false")
                .overrideConfigKey("quarkus.ferry.embedded-postgres.data-dir", DIRECTORY.resolve("postgres").toString());
    }

    static void remember(String instanceId) {
        remember(INSTANCE.getFileName().toString(), instanceId);
    }

    static void remember(String name, String instanceId) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(name), instanceId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String instance() {
        return instance(INSTANCE.getFileName().toString());
    }

    static String instance(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("the version 1 build did not run first", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TimerRollout.class.getClassLoader().getResourceAsStream("timers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
