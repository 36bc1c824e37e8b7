package io.ferry.app;

import io.ferry.embedded.EmbeddedPostgres;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}), run as a user
 * would: from a working directory, with the default data directory below it
 * ({@code ferry-data/postgres}), on a free port.
 */
final class PackagedApp {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    /** Where the embedded database of an app run from {@code home} keeps its data. */
    static final Path DATA = Path.of("ferry-data/postgres");
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app in the directory {@code home} (created if absent) and waits until it is ready. */
    static PackagedApp start(Path home, String... systemProperties) throws Exception {
        if (!Files.exists(JAR)) {
            throw new AssertionError(JAR + " is missing: run mvn package first");
        }
        int port = freePort();
        Path log = Files.createDirectories(home).resolve("app-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dquarkus.http.port=" + port));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApp app = new PackagedApp(process, port, log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (app.api().get("/q/health/ready").statusCode() == 200) {
                    return app;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        app.stop();
        throw new AssertionError("the app did not become ready in 120 s:\n" + Files.readString(log));
    }

    /** The system properties that point an app at this database instead of its embedded one. */
    static List<String> datasource(EmbeddedPostgres database) {
        return List.of("-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                "-Dquarkus.datasource.reactive.url=" + database.reactiveUrl(),
                "-Dquarkus.datasource.username=" + database.username(),
                "-Dquarkus.datasource.password=" + database.password());
    }

    int port() {
        return port;
    }

    /** Everything the app wrote to standard output and error. */
    Path log() {
        return log;
    }

    RequestSpecification api() {
        return RestAssured.given().baseUri("http://localhost").port(port);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Kills the app with SIGKILL, as a crash or the kernel's OOM killer would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
