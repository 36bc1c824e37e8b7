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

    /**
     * Where the migration plans are: a directory relative to the application's project directory
     * (the reference application's {@code plans/}) and the classpath folder of the same name. Every
     * plan ({@code .yaml}, {@code .yml}, {@code .json}, Kogito {@code .mpf}) is read, checked against the
     * current definitions and composed into direct chains at build time.
     */
    @WithDefault("plans")
    String plansLocation();
}
