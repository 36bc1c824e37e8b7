package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.ProcessDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the real-world BPMN corpus ({@code shared/corpus/bpmn} beside the repository) is
 * either built or rejected exactly as its expectation under {@code corpus-expectations/} says:
 * {@code builds: N processes} and one line per process (id, version, size), or {@code rejected} and
 * every problem.
 * After a deliberate change to the reader, {@code -Dferry.corpus.update=true} rewrites the
 * expectations; review the diff before committing it.
 */
class BpmnCorpusTest {

    private static final Path EXPECTATIONS = Path.of("src/test/resources/corpus-expectations");

    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(corpusDirectory())) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void isBuiltOrRejectedAsExpected(Path file) throws IOException {
        String name = file.getFileName().toString();
        String outcome = outcome(BpmnReader.read(name, Files.readAllBytes(file)));
        if (Boolean.getBoolean("ferry.corpus.update")) {
            Files.writeString(EXPECTATIONS.resolve(name + ".txt"), outcome);
        }
        assertThat(outcome).isEqualTo(expectation(name));
    }

    @Test
    void everyExpectationHasItsCorpusFile() throws IOException {
        List<String> corpus = corpusFiles().stream().map(file -> file.getFileName() + ".txt").toList();
        try (Stream<Path> expectations = Files.list(EXPECTATIONS)) {
            assertThat(expectations.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(corpus);
        }
    }

    private static String outcome(BpmnReadResult result) {
        if (result.hasProblems()) {
            return "rejected\n" + result.problems().stream().map(problem -> problem + "\n").collect(Collectors.joining());
        }
        return "builds: " + result.definitions().size() + " processes\n"
                + result.definitions().stream().map(BpmnCorpusTest::describe).collect(Collectors.joining());
    }

    private static String describe(ProcessDefinition definition) {
        return definition.id() + " " + definition.version() + " (" + definition.nodes().size() + " nodes, "
                + definition.flows().size() + " flows)\n";
    }

    private static String expectation(String name) throws IOException {
        try (InputStream expected = BpmnCorpusTest.class.getResourceAsStream("/corpus-expectations/" + name + ".txt")) {
            assertThat(expected).as("expectation corpus-expectations/%s.txt", name).isNotNull();
            return new String(expected.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** CI checks the repository out with {@code shared/} beside it; walk up from the module to find it. */
    private static Path corpusDirectory() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            Path corpus = directory.resolve("shared/corpus/bpmn");
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        throw new IllegalStateException("BPMN corpus not found: no shared/corpus/bpmn in " + start
                + " or any directory above it; check out the shared folder beside the repository");
    }
}
