package io.ferry.deployment.jobs;

import io.ferry.deployment.timers.SettableClock;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * Two builds of a refund process and a return process on one database, as two images of a rollout:
 * version 1's payment task fails while the bank is offline, so its job waits in back-off when version 2
 * (the task renamed, two attempts in all) takes over; a version 1 return waits for its parcel (a
 * message) at a catch event that version 2 turned into a receive task.
 */
final class JobRollout {

    private static final Path DIRECTORY = Path.of("target/job-rollout/run-" + ProcessHandle.current().pid()).toAbsolutePath();

    private JobRollout() {
    }

    static QuarkusUnitTest build(String version, String... plans) {
        return new QuarkusUnitTest()
                .withApplicationRoot(app -> {
                    app.addClasses(JobRollout.class, SettableClock.class, RefundHandler.class);
                    app.addAsResource(new StringAsset(resource("refund-" + version + ".bpmn")), "processes/refund.bpmn");
                    app.addAsResource(new StringAsset(resource("return-" + version + ".bpmn")), "processes/return.bpmn");
                    for (String plan : plans) {
                        app.addAsResource(new StringAsset(resource(plan)), "plans/" + plan);
                    }
                })
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.ferry.jobs.poll-every", "off")
                .overrideConfigKey("quarkus.ferry.embedded-postgres.ephemeral", "false")
                .overrideConfigKey("quarkus.ferry.embedded-postgres.data-dir", DIRECTORY.resolve("postgres").toString());
    }

    static void remember(String name, String value) {
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(name), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String recalled(String name) {
        try {
            return Files.readString(DIRECTORY.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("the version 1 build did not run first", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = JobRollout.class.getClassLoader().getResourceAsStream("jobs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 1's bank is offline; in version 2 a refund fails only while its variable {@code bankDown} is true. */
    @ApplicationScoped
    @ServiceTask("refund")
    public static class RefundHandler implements ServiceTaskHandler {

        static final List<ServiceTaskContext> CALLS = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> execute(ServiceTaskContext context) {
            CALLS.add(context);
            if (context.nodeId().equals("payRefund") || context.variables().path("bankDown").asBoolean()) {
                throw new IllegalStateException("bank offline");
            }
            return Map.of("refunded", true);
        }
    }
}
