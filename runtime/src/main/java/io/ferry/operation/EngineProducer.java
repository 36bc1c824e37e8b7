package io.ferry.operation;

import io.ferry.config.FerryConfig;
import io.ferry.execution.JobPolicy;
import io.ferry.execution.ProcessEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The pure engine, with the configured job retries. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @ApplicationScoped
    ProcessEngine engine(FerryConfig config) {
        FerryConfig.JobsConfig jobs = config.jobs();
        return new ProcessEngine(new JobPolicy(jobs.attempts(), jobs.backoff(), jobs.maxBackoff()),
                ProcessEngine.DEFAULT_STEP_LIMIT);
    }
}
