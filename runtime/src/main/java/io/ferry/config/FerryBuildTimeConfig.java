package io.ferry.config;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ferry's build-time settings: where the application's processes are found. */
@ConfigMapping(prefix = "quarkus.ferry")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface FerryBuildTimeConfig {

    /**
     * The classpath folder holding the application's BPMN files ({@code .bpmn}, {@code .bpmn2},
     * {@code .bpmn20.xml}). Every file found there is parsed and checked at build time.
     */
    @WithDefault("processes")
    String processesLocation();
}
