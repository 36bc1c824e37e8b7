package io.ferry.plan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ferry.definition.ProcessDefinition;
import io.ferry.migration.MigrationPreview;
import io.ferry.migration.Routes;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the release would do to the instances in a live database, read-only: the numbers of
 * {@code GET /admin/migrations/preview}, computed by the same code ({@link MigrationPreview}).
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Previews the release against a live database, read-only: per process, stored version and node, "
                + "how many instances (and tokens) would move, where, and which would block and why.",
                "The same numbers as the engine's GET /admin/migrations/preview. Exits with 1 when some instances would not move."})
final class PreviewCommand implements Callable<Integer> {

    static final String VERSION_LINE = "%s version %s → %s: %d instance(s), %d move, %d do not";
    static final String NODE_LINE = "  %s (%s): %d instance(s), %d token(s) %s";
    static final String TOTAL = "%d instance(s) would move, %d would not";
    static final String NOTHING = "no active instance of an older version: nothing to migrate";
    static final String PASSWORD_VARIABLE = "FERRY_DB_PASSWORD";
    static final String DATA_HAS_LOGIN = "--data finds the user and password in the engine's data folder: leave out --user and --password";
    static final String PROMPT = "Password for %s: ";
    static final String NO_PASSWORD_ON_STDIN = "--password without a value reads the password from stdin, which ended "
            + "before a line: pipe it in, give --password=..., or set " + PASSWORD_VARIABLE;
    /** What picocli sets when --password has no value: ask. So does {@code --password=}: PostgreSQL takes no empty password. */
    private static final String ASK = "";

    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PLAN_OR_DIR", description = "Plan files, or folders to search for them.")
    List<Path> plans = new ArrayList<>();

    @Option(names = {"-d", "--definitions"}, required = true, arity = "1..*", paramLabel = "BPMN_OR_DIR",
            description = "The BPMN files of the current versions (what the release ships), or folders to search for them.")
    List<Path> definitions = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Database database;

    /** One of the two ways to the engine's database. */
    static final class Database {
        @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
                description = "The engine's database, e.g. jdbc:postgresql://db:5432/ferry. Only read, in a read-only transaction.")
        String url;

        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Instead of --db, --user and the password: the data folder of the engine's embedded PostgreSQL "
                        + "(ferry-data where the engine was started), which holds its port, user and password.")
        Path embedded;
    }

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "The database user with --db (or put it in the URL).")
    String user;

    // Not picocli's interactive option: without a terminal, picocli 4.7 prints its prompt on stdout, into the JSON
    // of --format json (remkop/picocli#2516).
    @Option(names = {"-p", "--password"}, arity = "0..1", fallbackValue = ASK, paramLabel = "PASSWORD",
            description = "The database password. --password alone asks for it: on a terminal without echo, else it reads "
                    + "one line of stdin. Without the option it is read from the environment variable " + PASSWORD_VARIABLE + ".")
    String password;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json, for pipelines.")
    Format format;

    @Option(names = "--batch-size", defaultValue = "10000", paramLabel = "N", description = "Instances read per query (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        if (batchSize < 1) {
            throw CommandFailure.usage("--batch-size must be at least 1");
        }
        Release release = Release.check(plans, definitions);
        Routes routes = Routes.of(release.chains(), release.definitions());
        Map<String, ProcessDefinition> deployed = release.definitions().stream()
                .collect(Collectors.toMap(ProcessDefinition::id, Function.identity(), (first, second) -> first));
        if (database.embedded != null && (user != null || password != null)) {
            throw CommandFailure.usage(DATA_HAS_LOGIN);
        }
        DatabaseLogin login = database.embedded != null ? DatabaseLogin.embedded(database.embedded)
                : DatabaseLogin.given(database.url, user, password());
        Progress progress = new Progress(spec.commandLine().getErr(), System.console() != null && format == Format.text);
        List<MigrationPreview.Shape> shapes = new StoredShapes(login, batchSize).read(progress);
        MigrationPreview.Preview preview = MigrationPreview.of(shapes, processId -> Optional.ofNullable(deployed.get(processId)),
                (state, target) -> routes.apply(state, target, null));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(preview));
        } else {
            print(out, preview, deployed);
        }
        out.flush();
        return preview.instancesBlocked() == 0 ? PlanCli.OK : PlanCli.PROBLEMS_FOUND;
    }

    /** As given, asked for (--password alone), or from the environment (no --password). */
    private String password() {
        if (password == null) {
            return System.getenv(PASSWORD_VARIABLE);
        }
        if (!password.equals(ASK)) {
            return password;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword(PROMPT, database.url);
            return typed == null ? "" : new String(typed);
        }
        // No terminal: nobody reads a prompt, and on stdout it would end up in the output.
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
            if (line == null) {
                throw CommandFailure.usage(NO_PASSWORD_ON_STDIN);
            }
            return line;
        } catch (IOException e) {
            throw CommandFailure.usage(NO_PASSWORD_ON_STDIN);
        }
    }

    private static void print(PrintWriter out, MigrationPreview.Preview preview, Map<String, ProcessDefinition> deployed) {
        if (preview.versions().isEmpty()) {
            out.println(NOTHING);
            return;
        }
        for (MigrationPreview.VersionGroup version : preview.versions()) {
            out.println(VERSION_LINE.formatted(version.processId(), version.storedVersion(),
                    version.deployedVersion() == null ? "(not deployed)" : version.deployedVersion(),
                    version.instances(), version.instancesToMove(), version.instancesBlocked()));
            preview.groups().stream()
                    .filter(group -> group.processId().equals(version.processId()) && group.storedVersion().equals(version.storedVersion()))
                    .forEach(group -> out.println(NODE_LINE.formatted(group.nodeId(), where(group), group.instances(), group.tokens(),
                            outcome(group, Optional.ofNullable(deployed.get(group.processId()))))));
        }
        out.println(TOTAL.formatted(preview.instancesToMove(), preview.instancesBlocked()));
    }

    private static String where(MigrationPreview.NodeGroup group) {
        String token = io.ferry.state.TokenState.of(group.tokenState()).holder();
        return group.scopeNodeId() == null ? token : token + " in " + group.scopeNodeId();
    }

    private static String outcome(MigrationPreview.NodeGroup group, Optional<ProcessDefinition> deployed) {
        if (group.outcome().equals(MigrationPreview.MOVES)) {
            return "→ " + NodeLabel.of(group.targetNodeId(), deployed.flatMap(definition -> definition.node(group.targetNodeId())));
        }
        String samples = group.sampleInstanceIds().isEmpty() ? "" : " (e.g. " + String.join(", ",
                group.sampleInstanceIds().subList(0, Math.min(3, group.sampleInstanceIds().size()))) + ")";
        return group.outcome() + ": " + group.reason() + samples;
    }
}
