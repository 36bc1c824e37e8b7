package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the shell blocks of the README, of every page under {@code docs/} (by file name) and of
 * {@code plans/README.md}, in that order, as a newcomer pastes them: each in a fresh bash, in order, in
 * one copy of the repository inside a directory only its owner may enter (as a clone under /root is),
 * with the application and the analysts' tool this build packaged. A block ({@code ```shell},
 * {@code ```bash} or {@code ```sh}) fails the build when one of its commands fails (other than
 * {@code wait} for an engine it stopped, which reports the signal), or when its output lacks what its
 * {@code # → …} lines say it prints ({@code …} stands for anything). A block preceded by
 * {@code <!-- not run by ReadmeCommandsIT: why -->} is skipped.
 */
class ReadmeCommandsIT {

    static final String SKIP_MARK = "not run by ReadmeCommandsIT";
    static final Set<String> SHELL_FENCES = Set.of("```shell", "```bash", "```sh");
    private static final Pattern EXPECTATION = Pattern.compile("^\\s*# → (.*?)(\\s{2,}.*)?$");
    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(10);
    private static final int README_PORT = 8080;
    private static final String FAILED = "README-COMMAND-FAILED";
    // Reports each failing command, and stops what a block left running when it failed half-way (a bare kill
    // with no job would itself fail, and be reported against the block's last command).
    private static final String PROLOGUE = "trap 'echo \"" + FAILED + " ($?): $BASH_COMMAND\"' ERR\n"
            + "trap '[ -z \"$(jobs -p)\" ] || kill $(jobs -p) 2>/dev/null || true' EXIT\n";
    private static final Pattern FAILURE = Pattern.compile(FAILED + " \\((\\d+)\\): (?!wait )(.*)");

    private final Path root = Path.of("").toAbsolutePath();

    @Test
    void everyShellBlockRunsAsWritten() throws Exception {
        List<Path> pages = pages();
        Map<Path, List<String>> blocks = new LinkedHashMap<>();
        for (Path page : pages) {
            blocks.put(page, shellBlocks(Files.readString(root.resolve(page))));
        }
        assertThat(blocks.get(Path.of("README.md"))).as("shell blocks of the README that the test runs").isNotEmpty();
        assertThat(blocks.get(Path.of("plans/README.md"))).as("shell blocks of the analysts' session that the test runs")
                .hasSizeGreaterThanOrEqualTo(5);
        Path copy = repositoryCopy();
        for (Map.Entry<Path, List<String>> page : blocks.entrySet()) {
            for (int index = 0; index < page.getValue().size(); index++) {
                run(page.getKey(), index, page.getValue().get(index), copy);
            }
        }
    }

    /** The README first, then docs/ by file name, then the analysts' guide, whose session changes the sources and puts them back. */
    private List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.getFileName().toString().endsWith(".md")).map(root::relativize).sorted().forEach(pages::add);
        }
        pages.add(Path.of("plans/README.md"));
        return pages;
    }

    static List<String> shellBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        String previous = "";
        for (int index = 0; index < lines.length; index++) {
            if (SHELL_FENCES.contains(lines[index].strip())) {
                int end = index + 1;
                while (!lines[end].strip().equals("```")) {
                    end++;
                }
                if (!previous.contains(SKIP_MARK)) {
                    blocks.add(String.join("\n", List.of(lines).subList(index + 1, end)) + "\n");
                }
                index = end;
            }
            if (!lines[index].isBlank()) {
                previous = lines[index];
            }
        }
        return blocks;
    }

    private void run(Path page, int index, String block, Path copy) throws Exception {
        String name = page + " shell block " + (index + 1);
        assertThat(portIsFree()).as("port %d is in use; %s needs it", README_PORT, name).isTrue();
        String slug = page.toString().replace('/', '-').replace(".md", "") + "-" + (index + 1);
        Path script = copy.resolveSibling("blocks").resolve(slug + ".sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, PROLOGUE + block);
        Path output = script.resolveSibling(slug + ".out");
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString())
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        // The nested builds use this build's local repository, offline: they need nothing it lacks.
        bash.environment().put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + localRepository());
        Process process = bash.start();
        if (!process.waitFor(BLOCK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        String described = name + " (output in " + output + "):\n" + block + "\nprinted:\n" + printed;
        assertThat(process.isAlive()).as("still running after %s: %s", BLOCK_TIMEOUT, described).isFalse();
        assertThat(FAILURE.matcher(printed).results().map(failure -> failure.group(0)).toList())
                .as("failed commands of %s", described).isEmpty();
        assertThat(printed).as(described).doesNotContain("curl: (");
        assertPrints(block, printed, described);
    }

    /** Each {@code # → text} line in order; {@code …} in the text matches anything. */
    private static void assertPrints(String block, String printed, String name) {
        int from = 0;
        for (String line : block.split("\n")) {
            var expectation = EXPECTATION.matcher(line);
            if (!expectation.matches()) {
                continue;
            }
            for (String piece : expectation.group(1).strip().split("…")) {
                int found = printed.indexOf(piece, from);
                assertThat(found).as("'%s' (of '%s') printed after position %d by %s", piece, expectation.group(1), from, name)
                        .isNotNegative();
                from = found + piece.length();
            }
        }
    }

    /** The working tree (not target/, not ferry-data/) and the packaged app, as a fresh git repository. */
    private Path repositoryCopy() throws Exception {
        Path parent = root.resolve("target/readme-it");
        deleteRecursively(parent);
        Files.createDirectories(parent);
        Path copy = Files.createDirectory(parent.resolve("clone"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        for (String file : git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")) {
            Path source = root.resolve(file);
            if (!file.isEmpty() && Files.isRegularFile(source)) {
                Files.createDirectories(copy.resolve(file).getParent());
                Files.copy(source, copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        copyTree(root.resolve("target/quarkus-app"), copy.resolve("target/quarkus-app"));
        Path tool = Path.of("migration-plan/target/ferry-plan.jar");
        Files.createDirectories(copy.resolve(tool).getParent());
        Files.copy(root.resolve(tool), copy.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
        git(copy, "init", "-q");
        git(copy, "add", "-A");
        git(copy, "-c", "user.name=ReadmeCommandsIT", "-c", "user.email=readme@ferry.invalid", "commit", "-q", "-m", "copy");
        return copy;
    }

    private static String git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor()).as("git %s in %s: %s", String.join(" ", arguments), directory, output).isZero();
        return output;
    }

    private static String localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? configured
                : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    }

    private static boolean portIsFree() {
        try (ServerSocket socket = new ServerSocket(README_PORT)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
