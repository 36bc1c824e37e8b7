package io.ferry.deployment.bpmn;

import io.ferry.definition.NodeKind;
import java.util.Map;
import java.util.Set;

/**
 * The BPMN vocabulary as Ferry sees it: which elements become nodes, and which carry no execution
 * meaning and are skipped. Everything else inside a process is rejected (see {@link BpmnMessages}).
 */
final class BpmnElements {

    /** Elements that become nodes; an end event becomes {@link NodeKind#TERMINATE_END_EVENT} by its content. */
    static final Map<String, NodeKind> NODE_KINDS = Map.of(
            "startEvent", NodeKind.START_EVENT,
            "endEvent", NodeKind.END_EVENT,
            "task", NodeKind.TASK,
            "manualTask", NodeKind.MANUAL_TASK,
            "userTask", NodeKind.USER_TASK,
            "serviceTask", NodeKind.SERVICE_TASK,
            "exclusiveGateway", NodeKind.EXCLUSIVE_GATEWAY,
            "parallelGateway", NodeKind.PARALLEL_GATEWAY,
            "inclusiveGateway", NodeKind.INCLUSIVE_GATEWAY,
            "subProcess", NodeKind.SUB_PROCESS);

    /** Children of a process or sub-process that describe, document or draw it, but do not run. */
    static final Set<String> IGNORED_IN_SCOPE = Set.of(
            "documentation", "extensionElements", "auditing", "monitoring", "property", "laneSet",
            "textAnnotation", "association", "group", "dataObject", "dataObjectReference", "dataStoreReference",
            "ioSpecification", "ioBinding", "dataInputAssociation", "dataOutputAssociation",
            "resourceRole", "performer", "humanPerformer", "potentialOwner", "correlationSubscription", "supports");

    /**
     * Children of a flow node that carry no execution meaning for Ferry: documentation, the redundant
     * incoming/outgoing references (flows are derived from sourceRef/targetRef), data mappings,
     * task assignment and rendering hints.
     */
    static final Set<String> IGNORED_IN_NODE = Set.of(
            "documentation", "auditing", "monitoring", "categoryValueRef", "incoming", "outgoing",
            "ioSpecification", "property", "dataInput", "dataOutput", "inputSet", "outputSet",
            "dataInputAssociation", "dataOutputAssociation",
            "resourceRole", "performer", "humanPerformer", "potentialOwner", "rendering");

    static final Set<String> LOOP_CHARACTERISTICS = Set.of("multiInstanceLoopCharacteristics", "standardLoopCharacteristics");

    static final String TERMINATE_EVENT_DEFINITION = "terminateEventDefinition";

    private BpmnElements() {
    }

    static boolean isEventDefinition(String elementName) {
        return elementName.endsWith("EventDefinition") || elementName.equals("eventDefinitionRef");
    }
}
