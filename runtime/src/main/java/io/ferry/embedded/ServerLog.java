package io.ferry.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server's log file, which grows across restarts; failures quote its end. */
record ServerLog(Path file) {

    private static final int QUOTED_BYTES = 4096;

    long size() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last few lines written after {@code offset} (a {@link #size()} taken earlier). */
    String since(long offset) {
        try (InputStream in = Files.newInputStream(file)) {
            long start = Math.max(offset, Files.size(file) - QUOTED_BYTES);
            in.skipNBytes(start);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Drop a line cut in half at the start of the window.
            return start > offset && text.indexOf('\n') >= 0 ? text.substring(text.indexOf('\n') + 1) : text;
        } catch (IOException e) {
            return "(the log " + file + " could not be read: " + e + ")";
        }
    }

    /** The last few lines of the log. */
    String tail() {
        return since(0);
    }
}
