package io.ferry.service;

import java.util.Map;

/**
 * The code behind a BPMN service task. A worker calls it on a worker thread, outside any database
 * transaction, at least once per task activation: after a failure it is called again (as the task's
 * retries say), and a pod that dies or overruns its lease while calling it is replaced by another
 * that calls it again. It must therefore tolerate a second call with the same
 * {@link ServiceTaskContext#idempotencyKey()}: pass the key to the systems it calls.
 */
@FunctionalInterface
public interface ServiceTaskHandler {

    /**
     * Does the work of the task.
     *
     * @return variables to merge into the instance (top-level fields; values become JSON), or an empty map
     * @throws Exception when the work failed: the attempt counts as failed with the exception's message,
     *     and the job is tried again after its back-off or, with no attempt left, has an incident
     */
    Map<String, Object> execute(ServiceTaskContext context) throws Exception;
}
