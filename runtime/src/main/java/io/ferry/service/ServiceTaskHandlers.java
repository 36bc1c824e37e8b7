package io.ferry.service;

import java.util.Optional;

/** Finds the handler a service task names; the runtime backs it with the {@link ServiceTask} beans. */
@FunctionalInterface
public interface ServiceTaskHandlers {

    Optional<ServiceTaskHandler> find(String name);
}
