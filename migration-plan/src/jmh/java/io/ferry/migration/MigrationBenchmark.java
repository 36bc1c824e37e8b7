package io.ferry.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.MigrationChains;
import io.ferry.state.InstanceState;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What lazy migration adds to loading an instance stored under an older version: unmarshalling its
 * snapshot alone against unmarshalling it and moving it from version 1 to version 3.
 *
 * <p>{@code stored=column} is what a load in Ferry does: {@code InstanceStore} parses the jsonb
 * column's text into a tree, which {@code JsonInstanceMarshaller} converts to the state.
 * {@code stored=tree} is the conversion alone and {@code stored=bytes} reads the text straight into
 * the state, the cheapest unmarshalling there is: against those two, migration weighs the most.
 * {@code migrate} is migration alone on a state read once. The route is built in set-up, as the
 * runtime builds it at start. The defaults suit a small shared machine; JMH's command-line options
 * override them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class MigrationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Param({"5", "20", "50"})
    public int tokens;

    @Param({"bytes", "tree", "column"})
    public String stored;

    private byte[] snapshotBytes;
    private JsonNode snapshotTree;
    private InstanceState unmarshalled;
    private Route route;

    @Setup
    public void storeInstance() throws IOException {
        ProcessDefinition target = OrderProcess.target();
        // Built once, as the runtime does when it starts.
        route = Route.of(MigrationChains.compose(OrderProcess.plans(), List.of(target)).find("order", "1").orElseThrow(), target);
        // The engine stores valueToTree(state); written out, that is what a jsonb column holds.
        snapshotTree = JSON.valueToTree(OrderProcess.instance(tokens, JSON));
        snapshotBytes = JSON.writeValueAsBytes(snapshotTree);
        unmarshalled = read();
        if (!(unmarshalAndMigrate() instanceof MigrationResult.Migrated)) {
            throw new IllegalStateException("The benchmark instance must migrate, but gave " + unmarshalAndMigrate());
        }
    }

    @Benchmark
    public InstanceState unmarshal() throws IOException {
        return read();
    }

    @Benchmark
    public MigrationResult unmarshalAndMigrate() throws IOException {
        return route.apply(read());
    }

    /** Migration alone, on a state read once: what lazy migration adds to every load, without the noise of reading. */
    @Benchmark
    public MigrationResult migrate() {
        return route.apply(unmarshalled);
    }

    private InstanceState read() throws IOException {
        return switch (stored) {
            case "bytes" -> JSON.readValue(snapshotBytes, InstanceState.class);
            case "tree" -> JSON.treeToValue(snapshotTree, InstanceState.class);
            case "column" -> JSON.treeToValue(JSON.readTree(snapshotBytes), InstanceState.class);
            default -> throw new IllegalArgumentException("stored must be bytes, tree or column, not " + stored);
        };
    }
}
