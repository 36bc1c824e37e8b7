package io.ferry.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The JVM options a pod runs with: {@code JAVA_TOOL_OPTIONS} of the Deployment in
 * src/main/kubernetes/kubernetes.yml. The benchmark uses them by default, so its memory and
 * throughput rows show what the recommended options cost, and the two cannot drift apart.
 */
final class PodJvmOptions {

    static final String MANIFEST = "src/main/kubernetes/kubernetes.yml";
    static final String VARIABLE = "JAVA_TOOL_OPTIONS";

    private PodJvmOptions() {
    }

    static String read(Path root) {
        Path manifest = root.resolve(MANIFEST);
        try (MappingIterator<JsonNode> documents = new YAMLMapper().readerFor(JsonNode.class).readValues(manifest.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (!document.path("kind").asText().equals("Deployment")) {
                    continue;
                }
                for (JsonNode container : document.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode variable : container.path("env")) {
                        if (variable.path("name").asText().equals(VARIABLE)) {
                            return variable.path("value").asText().strip();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the pod's JVM options from " + manifest, e);
        }
        throw new IllegalStateException(manifest + " gives the Deployment's container no " + VARIABLE
                + "; the benchmark runs with the pod's JVM options unless -Dbenchmark.jvmOptions=none");
    }
}
