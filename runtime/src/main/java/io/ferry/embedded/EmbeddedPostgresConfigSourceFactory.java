package io.ferry.embedded;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Starts (or adopts) the embedded PostgreSQL while the run-time configuration is built, before any
 * datasource exists, and hands its URLs to the datasources. Does nothing when the operator has
 * configured a datasource URL: production points at a real server and starts nothing here.
 */
public final class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    private static final String PREFIX = "quarkus.ferry.embedded-postgres.";
    /** Above application.properties (250), below environment variables (300). */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, REACTIVE_URL) || isSet(context, JDBC_URL) || !flag(context, "enabled")) {
            return List.of();
        }
        Path directory = Path.of(value(context, "data-dir")).toAbsolutePath();
        EmbeddedPostgres postgres = EmbeddedPostgres.start(
                flag(context, "ephemeral") ? EphemeralDirectories.forThisJvm(directory) : directory);
        Map<String, String> properties = Map.of(
                REACTIVE_URL, postgres.reactiveUrl(),
                JDBC_URL, postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
        return List.of(new PropertiesConfigSource(properties, "Ferry embedded PostgreSQL", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** The setting, or its default: the defaults are {@link io.ferry.config.FerryConfig}'s, and only there. */
    private static String value(ConfigSourceContext context, String key) {
        ConfigValue value = context.getValue(PREFIX + key);
        if (value == null || value.getValue() == null) {
            throw new IllegalStateException(PREFIX + key + " has neither a value nor a default");
        }
        return value.getValue();
    }

    private static boolean flag(ConfigSourceContext context, String key) {
        return Boolean.parseBoolean(value(context, key));
    }
}
