package io.ferry.embedded;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Registered by the deployment module for the run-time configuration only, never at build time. */
public final class EmbeddedPostgresConfigBuilder implements ConfigBuilder {

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withSources(new EmbeddedPostgresConfigSourceFactory());
    }
}
