package io.ferry.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Quarkus application ({@code quarkus-run.jar}) in a process of its own, on a free
 * port, against the benchmark's database. Start-up is timed from launching the JVM to the first
 * 200 of {@code /q/health/ready}, polled every 10 ms so the poll adds little; the CPU time the
 * process used until then is kept too, as other work on a shared machine moves it much less.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(10);

    private final Process process;
    private final int port;
    private final Duration timeToReady;
    private final Duration cpuTimeToReady;

    private AppProcess(Process process, int port, Duration timeToReady, Duration cpuTimeToReady) {
        this.process = process;
        this.port = port;
        this.timeToReady = timeToReady;
        this.cpuTimeToReady = cpuTimeToReady;
    }

    static AppProcess start(Path jar, Database database, String jvmOptions, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.strip().split("\\s+")));
        }
        command.addAll(database.systemProperties());
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        Files.createDirectories(log.getParent());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(jar.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = begin + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(jar + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
                    return new AppProcess(process, port, elapsed, process.info().totalCpuDuration().orElse(Duration.ZERO));
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            }
            Thread.sleep(POLL.toMillis());
        }
        process.destroyForcibly();
        throw new IllegalStateException(jar + " was not ready after " + READY_TIMEOUT + "; see " + log);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    Duration timeToReady() {
        return timeToReady;
    }

    /** User and system CPU time of the process until it was ready (zero where the platform does not tell). */
    Duration cpuTimeToReady() {
        return cpuTimeToReady;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Resident memory in bytes: VmRSS of /proc/PID/status (Linux only). */
    long residentMemory() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("/proc/" + process.pid() + "/status has no VmRSS line");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
