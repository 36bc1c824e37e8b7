package io.ferry.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.ferry.source.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one plan file strictly and reports every problem it can find in it, each with its line and
 * column. The file name decides the format: {@code .yaml}/{@code .yml} and {@code .json} are
 * Ferry's format (see {@link io.ferry.plan}), {@code .mpf} is Kogito's.
 */
public final class PlanReader {

    public static final String UNKNOWN_FILE_TYPE = "unknown plan file type: name the file .yaml, .yml, .json or .mpf";
    public static final String EMPTY_FILE = "the file is empty: a plan needs at least process, from and to";
    public static final String BAD_YAML = "not valid YAML: %s";
    public static final String BAD_JSON = "not valid JSON: %s";
    /** SnakeYAML's words for a key where none may start, which is almost always indentation. */
    static final String MAPPING_NOT_ALLOWED = "mapping values are not allowed here";
    public static final String INDENTATION_HINT =
            " (this line is indented deeper than the key above it, or a value holds ': ' unquoted: align the key, or quote the value)";
    public static final String SECOND_DOCUMENT = "a second document starts here: put each plan in a file of its own";
    public static final String YAML_ALIAS = "YAML aliases are not supported in plan files: write the value out";
    public static final String NOT_A_PLAN = "a plan must be a mapping with process, from and to, not %s";
    public static final String NOT_A_KOGITO_PLAN = "a Kogito plan must be an object with name and processMigrationPlan, not %s";
    public static final String UNKNOWN_FIELD = "unknown field '%s' in %s; the fields are: %s";
    public static final String DUPLICATE_KEY = "'%s' appears twice (first on line %d): keep one";
    public static final String WRONG_TYPE = "'%s' must be %s, not %s";
    public static final String MISSING = "'%s' is missing: %s";
    public static final String EMPTY = "'%s' is empty: %s";
    public static final String EMPTY_KEY = "'%s' has an empty key: %s";
    public static final String SAME_VERSION = "from and to are both version %s: a plan must lead to another version";
    public static final String DIFFERENT_PROCESSES =
            "the source is process '%s' but the target is process '%s': Ferry migrates instances within one process, so both must be the same";
    public static final String NOT_A_TIMER_RULE = "'%s' is '%s', not a timer rule: write %s";
    /** What {@code ferry-plan draft} writes where it cannot tell where instances should go. */
    public static final String UNDECIDED = "TODO";
    public static final String UNDECIDED_TARGET =
            "node '%s' is mapped to TODO: decide where the instances waiting at '%s' go (the comment above it lists what the draft found) and write that node's id";
    public static final String MAPPED_TWICE = "node '%s' is mapped twice (first on line %d): keep one";

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private PlanReader() {
    }

    public static PlanReadResult read(String fileName, String content) {
        Optional<Format> format = Format.of(fileName);
        Problems problems = new Problems();
        if (format.isEmpty()) {
            problems.add(fileName, SourcePosition.UNKNOWN, UNKNOWN_FILE_TYPE);
            return new PlanReadResult.Invalid(problems.sorted());
        }
        Optional<MigrationPlan> plan = tree(format.get(), fileName, content, problems)
                .flatMap(tree -> plan(format.get(), tree, fileName, problems));
        if (plan.isEmpty() || !problems.isEmpty()) {
            return new PlanReadResult.Invalid(problems.sorted());
        }
        return new PlanReadResult.Read(plan.get());
    }

    private static Optional<PlanTree> tree(Format format, String fileName, String content, Problems problems) {
        try (JsonParser parser = format == Format.YAML ? YAML.createParser(content) : JSON.createParser(content)) {
            return PlanTreeParser.parse(parser, fileName, problems);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            SourcePosition position = location == null
                    ? SourcePosition.UNKNOWN
                    : new SourcePosition(location.getLineNr(), location.getColumnNr());
            String message = format == Format.YAML ? BAD_YAML.formatted(yamlProblem(e)) : BAD_JSON.formatted(e.getOriginalMessage());
            problems.add(fileName, position, message);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail this way", e);
        }
    }

    private static Optional<MigrationPlan> plan(Format format, PlanTree tree, String fileName, Problems problems) {
        if (!(tree instanceof PlanTree.Mapping root)) {
            problems.add(fileName, tree.position(),
                    (format == Format.KOGITO ? NOT_A_KOGITO_PLAN : NOT_A_PLAN).formatted(tree.kindName()));
            return Optional.empty();
        }
        return format == Format.KOGITO
                ? KogitoPlanFormat.read(root, fileName, problems)
                : FerryPlanFormat.read(root, fileName, problems);
    }

    /** SnakeYAML's own words without its multi-line excerpt, which the line and column replace. */
    private static String yamlProblem(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException yaml) {
            String problem = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ", " + yaml.getProblem();
            return problem.equals(MAPPING_NOT_ALLOWED) ? problem + INDENTATION_HINT : problem;
        }
        return e.getOriginalMessage();
    }

    private enum Format {
        YAML, JSON, KOGITO;

        static Optional<Format> of(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            if (name.endsWith(".json")) {
                return Optional.of(JSON);
            }
            if (name.endsWith(".mpf")) {
                return Optional.of(KOGITO);
            }
            return Optional.empty();
        }
    }
}
