package io.ferry.bpmn;

import io.ferry.definition.NodeKind;
import java.util.Map;
import java.util.Set;

/**
 * The BPMN vocabulary as Ferry sees it: which elements become nodes, and which carry no execution
 * meaning and are skipped. Everything else inside a process is rejected (see {@link BpmnMessages}).
 */
final class BpmnElements {

    /**
     * Elements that become nodes; an end event becomes {@link NodeKind#TERMINATE_END_EVENT} by its
     * content, and catch and boundary events must hold a timer or a message.
     */
    static final Map<String, NodeKind> NODE_KINDS = Map.ofEntries(
            Map.entry("startEvent", NodeKind.START_EVENT),
            Map.entry("endEvent", NodeKind.END_EVENT),
            Map.entry("task", NodeKind.TASK),
            Map.entry("manualTask", NodeKind.MANUAL_TASK),
            Map.entry("userTask", NodeKind.USER_TASK),
            Map.entry("serviceTask", NodeKind.SERVICE_TASK),
            Map.entry("sendTask", NodeKind.SEND_TASK),
            Map.entry("businessRuleTask", NodeKind.BUSINESS_RULE_TASK),
            Map.entry("scriptTask", NodeKind.SCRIPT_TASK),
            Map.entry("exclusiveGateway", NodeKind.EXCLUSIVE_GATEWAY),
            Map.entry("parallelGateway", NodeKind.PARALLEL_GATEWAY),
            Map.entry("inclusiveGateway", NodeKind.INCLUSIVE_GATEWAY),
            Map.entry("eventBasedGateway", NodeKind.EVENT_BASED_GATEWAY),
            Map.entry("subProcess", NodeKind.SUB_PROCESS),
            Map.entry("receiveTask", NodeKind.RECEIVE_TASK),
            // Which event an intermediate catch or boundary event is, its event definition says (a timer
            // until a message definition makes it a message event).
            Map.entry("intermediateCatchEvent", NodeKind.TIMER_CATCH_EVENT),
            // A message definition makes an intermediate throw event or an end event a job that sends the message.
            Map.entry("intermediateThrowEvent", NodeKind.INTERMEDIATE_THROW_EVENT),
            Map.entry("boundaryEvent", NodeKind.BOUNDARY_TIMER_EVENT));

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
            "resourceRole", "performer", "humanPerformer", "potentialOwner", "rendering",
            // A script task's text: Ferry runs the handler the task names instead (or reports that it names none).
            "script");

    static final Set<String> LOOP_CHARACTERISTICS = Set.of("multiInstanceLoopCharacteristics", "standardLoopCharacteristics");

    static final String TERMINATE_EVENT_DEFINITION = "terminateEventDefinition";
    static final String TIMER_EVENT_DEFINITION = "timerEventDefinition";
    static final String MESSAGE_EVENT_DEFINITION = "messageEventDefinition";
    static final String ERROR_EVENT_DEFINITION = "errorEventDefinition";

    private BpmnElements() {
    }

    static boolean isEventDefinition(String elementName) {
        return elementName.endsWith("EventDefinition") || elementName.equals("eventDefinitionRef");
    }
}
