package io.ferry.service;

import java.util.Map;

/**
 * The code behind a BPMN service task. The engine calls it at least once per task activation, so
 * it must tolerate being called again with the same {@link ServiceTaskContext#idempotencyKey()}.
 */
@FunctionalInterface
public interface ServiceTaskHandler {

    /**
     * Does the work of the task.
     *
     * @return variables to merge into the instance (top-level fields; values become JSON), or an empty map
     * @throws Exception when the work failed; the operation is refused with the exception's message
     */
    Map<String, Object> execute(ServiceTaskContext context) throws Exception;
}
