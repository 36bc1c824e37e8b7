package io.ferry.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
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
 * <p>{@code stored=bytes} reads the JSON text, as from a column read as a string; {@code stored=tree}
 * converts an already parsed JSON tree, as {@code JsonInstanceMarshaller} does with a jsonb column.
 * The defaults suit a small shared machine; JMH's command-line options override them.
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

    @Param({"bytes", "tree"})
    public String stored;

    private byte[] snapshotBytes;
    private JsonNode snapshotTree;
    private CompiledChain chain;
    private ProcessDefinition target;

    @Setup
    public void storeInstance() throws IOException {
        target = OrderProcess.target();
        chain = MigrationChains.compose(OrderProcess.plans(), List.of(target)).find("order", "1").orElseThrow();
        // The engine stores valueToTree(state); written out, that is what a jsonb column holds.
        snapshotTree = JSON.valueToTree(OrderProcess.instance(tokens, JSON));
        snapshotBytes = JSON.writeValueAsBytes(snapshotTree);
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
        return Migration.apply(read(), chain, target);
    }

    private InstanceState read() throws IOException {
        return stored.equals("tree")
                ? JSON.treeToValue(snapshotTree, InstanceState.class)
                : JSON.readValue(snapshotBytes, InstanceState.class);
    }
}
