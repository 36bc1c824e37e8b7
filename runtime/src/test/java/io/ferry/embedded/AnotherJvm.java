package io.ferry.embedded;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A second JVM that starts (or adopts) the embedded server in a directory and uses it until it is
 * killed, as a second application process on one database would.
 */
final class AnotherJvm implements AutoCloseable {

    private static final String READY = "ferry-test-ready";

    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private AnotherJvm(Process process) {
        this.process = process;
    }

    /** Starts the JVM and waits until it uses the server in {@code directory}. */
    static AnotherJvm using(Path directory) throws Exception {
        AnotherJvm jvm = new AnotherJvm(new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AnotherJvm.class.getName(),
                directory.toString())
                .redirectErrorStream(true)
                .start());
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(jvm::readUntilReady);
        try {
            if (!ready.get(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the other JVM ended before it used the server:\n" + jvm.output);
            }
        } catch (TimeoutException e) {
            jvm.close();
            throw new AssertionError("the other JVM did not use the server within 2 minutes:\n" + jvm.output, e);
        }
        return jvm;
    }

    long processId() {
        return process.pid();
    }

    /** Kills the JVM with SIGKILL, so no shutdown hook runs, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private boolean readUntilReady() {
        BufferedReader lines = process.inputReader();
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals(READY)) {
                    return true;
                }
                output.append(line).append('\n');
            }
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static void main(String[] arguments) throws InterruptedException {
        EmbeddedPostgres.start(Path.of(arguments[0]));
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
