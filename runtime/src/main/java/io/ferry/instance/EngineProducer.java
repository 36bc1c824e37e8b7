package io.ferry.instance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.execution.ProcessEngine;
import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;

/** Wires the pure engine to the application's {@code @ServiceTask} beans. */
@ApplicationScoped
public class EngineProducer {

    @Produces
    @ApplicationScoped
    ProcessEngine engine(@Any Instance<ServiceTaskHandler> handlers, ObjectMapper json) {
        return new ProcessEngine(name -> {
            Instance<ServiceTaskHandler> found = handlers.select(ServiceTask.Literal.of(name));
            return found.isResolvable() ? Optional.of(found.get()) : Optional.empty();
        }, json, ProcessEngine.DEFAULT_STEP_LIMIT);
    }
}
