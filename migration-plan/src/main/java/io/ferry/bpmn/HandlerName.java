package io.ferry.bpmn;

import io.ferry.expression.Condition;
import java.util.stream.Stream;

/**
 * The name of the handler a service task calls, found among what modelers write (the order is documented on
 * {@link BpmnReader}); the runtime calls the {@code @ServiceTask} bean of that name.
 */
final class HandlerName {

    private HandlerName() {
    }

    /**
     * The handler name, or null when the task names none.
     *
     * @param zeebeTaskType the type of the task's {@code <zeebe:taskDefinition>}, or null
     */
    static String of(XmlCursor.Attributes task, String zeebeTaskType) {
        return Stream.of(
                        task.get(BpmnNamespaces.FERRY, "handler"),
                        zeebeTaskType,
                        task.get(BpmnNamespaces.CAMUNDA, "topic"),
                        beanName(task.get(BpmnNamespaces.CAMUNDA, "delegateExpression")),
                        task.get(BpmnNamespaces.CAMUNDA, "class"),
                        kogitoOperation(
                                task.get(BpmnNamespaces.DROOLS, "serviceinterface"),
                                task.get(BpmnNamespaces.DROOLS, "serviceoperation")),
                        task.get(BpmnNamespaces.DROOLS, "taskName"))
                .filter(handler -> handler != null && !handler.isBlank())
                .findFirst()
                .orElse(null);
    }

    /** {@code ${archiveService}} names the bean {@code archiveService}; same wrapper as conditions. */
    private static String beanName(String delegateExpression) {
        return delegateExpression == null ? null : Condition.unwrap(delegateExpression);
    }

    private static String kogitoOperation(String serviceInterface, String operation) {
        return serviceInterface == null || operation == null ? null : serviceInterface + "#" + operation;
    }
}
