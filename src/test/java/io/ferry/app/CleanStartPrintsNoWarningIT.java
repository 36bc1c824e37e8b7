package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started as the README starts it, on a fresh data directory, then again on the
 * one it left: neither start logs a WARN or an ERROR line, up to Quarkus's "Installed features" line that
 * ends the start. A warning a newcomer sees at the first start reads as something they did wrong; one that
 * is expected belongs at a lower level, or fixed.
 */
class CleanStartPrintsNoWarningIT {

    private static final Path HOME = Path.of("target/clean-start-it/home").toAbsolutePath();
    /** The console format: date, time, level. */
    private static final Pattern WARNING_OR_ERROR = Pattern.compile("^\\S+ \\S+ (WARN|ERROR) ");
    private static final String STARTED = "Installed features: ";
    private PackagedApp app;

    @Test
    void aFirstStartAndARestartLogNoWarningOrError() throws Exception {
        PackagedApp.deleteRecursively(HOME);

        app = PackagedApp.start(HOME);
        app.stop();
        Path first = app.log();
        app = PackagedApp.start(HOME);
        app.stop();

        for (Path log : new Path[] {first, app.log()}) {
            List<String> lines = Files.readAllLines(log);
            int started = IntStream.range(0, lines.size()).filter(line -> lines.get(line).contains(STARTED)).findFirst()
                    .orElseThrow(() -> new AssertionError(log + " has no line '" + STARTED + "'"));
            assertThat(lines.subList(0, started + 1)).as("%s", log).noneMatch(line -> WARNING_OR_ERROR.matcher(line).find());
        }
        app = null;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }
}
