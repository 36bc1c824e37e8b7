package io.ferry.job;

import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskHandler;
import io.ferry.service.ServiceTaskHandlers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** The application's {@code @ServiceTask("name")} beans, found by name. */
@ApplicationScoped
public class ServiceTaskHandlerBeans implements ServiceTaskHandlers {

    @Inject
    @Any
    Instance<ServiceTaskHandler> handlers;

    @Override
    public Optional<ServiceTaskHandler> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Instance<ServiceTaskHandler> found = handlers.select(ServiceTask.Literal.of(name));
        return found.isResolvable() ? Optional.of(found.get()) : Optional.empty();
    }
}
