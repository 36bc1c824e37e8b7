package io.ferry.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.MessageRename;
import io.ferry.plan.MigrationChains;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The migration plans this image ships and the direct chains the build composed from them. At run
 * time migrating is a lookup in these chains; no plan is read or composed here.
 */
public final class ShippedMigrations {

    /** Where the deployment module writes the checked plans and chains. */
    public static final String RESOURCE = "META-INF/ferry/migrations.json";

    private final List<PlanSummary> plans;
    private final MigrationChains chains;

    @JsonCreator
    public ShippedMigrations(@JsonProperty("plans") List<PlanSummary> plans, @JsonProperty("chains") MigrationChains chains) {
        this.plans = List.copyOf(plans);
        this.chains = chains;
    }

    public static ShippedMigrations none() {
        return new ShippedMigrations(List.of(), new MigrationChains(List.of()));
    }

    public static ShippedMigrations load(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(RESOURCE)) {
            return in == null ? none() : new ObjectMapper().readValue(in, ShippedMigrations.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recorded migration chains " + RESOURCE, e);
        }
    }

    @JsonProperty
    public List<PlanSummary> plans() {
        return plans;
    }

    @JsonProperty
    public MigrationChains chains() {
        return chains;
    }

    public Optional<CompiledChain> chainFrom(String processId, String version) {
        return chains.find(processId, version);
    }

    /**
     * The name, and the older names a shipped plan renames to it: an instance not yet migrated still has
     * its subscription stored under the old name, and a message buffered before the rollout its old name.
     */
    public List<String> messageNames(String name) {
        List<String> names = new ArrayList<>(List.of(name));
        messageRenames().stream().filter(rename -> rename.newName().equals(name) && !names.contains(rename.oldName()))
                .forEach(rename -> names.add(rename.oldName()));
        return names;
    }

    /** Every message rename of the shipped chains, each once: from the name of an old version to the current one. */
    public List<MessageRename> messageRenames() {
        Set<MessageRename> renames = new LinkedHashSet<>();
        chains.chains().forEach(chain -> chain.messages().forEach((oldName, newName) -> renames.add(new MessageRename(oldName, newName))));
        return List.copyOf(renames);
    }
}
