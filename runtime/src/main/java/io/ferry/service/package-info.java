/**
 * What application code writes to run service tasks: a {@link io.ferry.service.ServiceTaskHandler}
 * bean annotated {@link io.ferry.service.ServiceTask} with the name the BPMN uses.
 */
package io.ferry.service;
