package io.ferry.bpmn;

import io.ferry.definition.NodeKind;
import java.util.Map;

/**
 * Every problem text the BPMN reader reports, in one place so tests can match them exactly.
 * The offending element's id is printed before the message ({@code [approveOrder]}), so messages
 * name only the other elements involved. Format arguments are filled with {@link String#format}.
 */
public final class BpmnMessages {

    public static final String MALFORMED_XML = "the file is not well-formed XML: %s";
    public static final String NOT_BPMN = "not a BPMN 2.0 file: the root element is <%s> in namespace '%s';"
            + " expected <definitions> in namespace '" + BpmnNamespaces.BPMN + "'";
    public static final String MISSING_ID = "<%s> has no id: add an id attribute (migration plans and history refer to elements by id)";
    public static final String DUPLICATE_ID = "duplicate id, already used on line %d: give each element its own id";
    public static final String NO_VERSION =
            "process has no version: add ferry:version=\"1\" to the process element (drools:version and camunda:versionTag are read too)";
    public static final String NO_HANDLER = "%s names no handler: add ferry:handler=\"name\" and a @ServiceTask(\"name\") bean%s";
    /** What the handler of each kind run as a job is for, after {@link #NO_HANDLER}; a service task's needs no words. */
    public static final Map<NodeKind, String> HANDLER_PURPOSE = Map.of(
            NodeKind.SERVICE_TASK, "",
            NodeKind.SEND_TASK, " that sends the message",
            NodeKind.MESSAGE_THROW_EVENT, " that sends the message",
            NodeKind.MESSAGE_END_EVENT, " that sends the message",
            NodeKind.BUSINESS_RULE_TASK, " that applies the rules (Ferry evaluates no DMN decision itself)",
            NodeKind.SCRIPT_TASK, " that does the work (Ferry runs no script text)");
    /** Arguments: the attribute as written (ferry:retries, zeebe:taskDefinition retries), then its value. */
    public static final String RETRIES_INVALID = "%s=\"%s\" is not a number of attempts: write a whole number from 1 to "
            + JobRetries.MAX_ATTEMPTS + " (attempts in all, the first one included)";
    public static final String RETRY_BACKOFF_INVALID = "ferry:retryBackoff=\"%s\" is not a delay: write an ISO-8601 duration "
            + "of at least a millisecond and at most a day, such as PT1S or PT5M";
    public static final String TIMEOUT_INVALID = "ferry:timeout=\"%s\" is not a time limit: write an ISO-8601 duration "
            + "of at least a millisecond and at most a day, such as PT30S or PT10M";
    public static final String RETRY_CYCLE_INVALID = "camunda:failedJobRetryTimeCycle '%s' is not a retry cycle Ferry reads: "
            + "write R<attempts>/<ISO-8601 duration>, such as R3/PT10S";

    /** Arguments: the element name, then the reason (one of the constants below or {@link #unsupportedReason}). */
    public static final String UNSUPPORTED_ELEMENT = "unsupported element <%s>: %s";
    public static final String UNKNOWN_ELEMENT = "Ferry does not know this BPMN element; remove it";
    public static final String EVENT_SUB_PROCESS = "Ferry does not execute event sub-processes yet";
    public static final String START_EVENT_DEFINITION =
            "Ferry starts processes only from none, message and timer start events, and sub-processes only from none "
            + "start events; remove the event definition";
    public static final String START_TIMER_VARIABLE = "a timer start event has no instance whose variables it could "
            + "read: write the date, duration or cycle itself";
    public static final String END_EVENT_DEFINITION = "Ferry supports only none, terminate, error and message end events";
    public static final String THROW_EVENT_DEFINITION =
            "Ferry executes only none and message intermediate throw events yet; signals, escalations, compensation "
            + "and links are not supported";

    public static final String CATCH_EVENT_DEFINITION =
            "Ferry executes only timer and message intermediate catch events yet; signals and links are not supported";
    public static final String BOUNDARY_EVENT_DEFINITION =
            "Ferry executes only timer, message and error boundary events yet; escalations, signals, compensation and "
            + "conditions are not supported";
    public static final String ERROR_UNKNOWN = "errorRef '%s' names no <error> of the file: declare <error id=\"%s\" "
            + "errorCode=\"…\"/> beside the process";
    public static final String ERROR_WITHOUT_CODE = "error end event throws no error code: give its errorEventDefinition "
            + "an errorRef naming an <error> with an errorCode";
    public static final String ERROR_BOUNDARY_ON = "error boundary event is attached to '%s', a %s: a BPMN error comes "
            + "from the handler of a task run as a job (service, send, business rule or script task) or an error end event "
            + "inside a sub-process, so attach it to one of those";
    public static final String MESSAGE_MISSING = "%s waits for no message: give it a messageRef naming a <message> of "
            + "the file (on its messageEventDefinition, or on the receiveTask itself)";
    public static final String MESSAGE_UNKNOWN = "messageRef '%s' names no <message> of the file: declare "
            + "<message id=\"%s\" name=\"…\"/> beside the process";
    public static final String MESSAGE_NAMELESS = "<message id=\"%s\"> has no name: a message is correlated by its name";
    public static final String CORRELATION_KEY_MISSING = "%s waits for message '%s' without a correlation key: add "
            + "ferry:correlationKey=\"${orderId}\" (the variable whose value a message must carry) to the <message> or "
            + "to this element";
    public static final String CORRELATION_KEY_INVALID = "correlation key '%s' is an expression Ferry cannot read: name "
            + "the one variable that holds the key, as ${orderId}, #{orderId}, =orderId or =order.id";
    /** Arguments: the element name (intermediateCatchEvent, boundaryEvent). */
    public static final String TIMER_MISSING =
            "%s has no timer: add a timerEventDefinition holding a timeDate, timeDuration or timeCycle";
    /** Arguments: the timer element (timeDuration, ...), then what is wrong with its text. */
    public static final String TIMER_INVALID = "<%s> %s";
    public static final String TIMER_EXPRESSION = "<%s> '%s' is an expression Ferry cannot read: name the one variable "
            + "that holds the timer, as ${reminderDelay} or =reminderDelay";
    public static final String EVENT_GATEWAY_TOO_FEW = "event-based gateway has %d outgoing sequence flow(s): it waits for "
            + "the first of two or more events, so give it at least two";
    public static final String EVENT_GATEWAY_TARGET = "event-based gateway leads to '%s', a %s: after an event-based gateway "
            + "only timer and message intermediate catch events and receive tasks can wait";
    public static final String EVENT_GATEWAY_CONDITION = "event-based gateway's flow '%s' has a condition: the event that "
            + "happens first decides the way, so remove it";
    public static final String BOUNDARY_NOT_ATTACHED = "boundary event has no attachedToRef: attach it to a user task or a service task";
    public static final String BOUNDARY_ON_UNKNOWN_NODE =
            "boundary event is attached to '%s', which is no flow node of the process: attach it to a user task or a service task";
    public static final String BOUNDARY_ON_UNSUPPORTED_NODE = "boundary event is attached to '%s', a %s: Ferry runs "
            + "boundary events on user tasks, receive tasks, tasks run as jobs (service, send, business rule and script "
            + "tasks) and sub-processes only yet";
    public static final String BOUNDARY_IN_OTHER_SCOPE =
            "boundary event lies %s but its task '%s' lies %s: put it beside the task";
    public static final String BOUNDARY_WITH_INCOMING =
            "boundary event has incoming sequence flows %s: it starts from its task, remove them";
    public static final String BOUNDARY_WITHOUT_OUTGOING =
            "boundary event has no outgoing sequence flow: connect it to where the process goes when it is triggered";

    public static final String SCOPE_WITHOUT_START_EVENT = "%s has no none start event: add a start event without an event definition";
    public static final String PROCESS_WITHOUT_START_EVENT = "process has no none, message or timer start event: add a "
            + "start event without an event definition, or one that a message or a timer starts";
    public static final String PROCESS = "process";
    public static final String SUB_PROCESS = "sub-process";

    public static final String FLOW_WITHOUT_END = "sequence flow has no %s: connect both of its ends";
    public static final String FLOW_TO_UNKNOWN_NODE = "%s '%s' names no flow node of the process: connect the sequence flow to a node";
    public static final String FLOW_CROSSES_SCOPE =
            "sequence flow crosses a sub-process boundary: source '%s' is %s but target '%s' is %s; connect nodes of the same scope";
    public static final String AT_PROCESS_LEVEL = "at process level";
    public static final String IN_SUB_PROCESS = "in sub-process '%s'";

    public static final String GATEWAY_WITHOUT_DEFAULT =
            "%s has outgoing flows without conditions and no default flow: give %s a condition, or make one of them the default flow";
    public static final String GATEWAY_FLOWS_WITHOUT_CONDITION =
            "%s has outgoing flows without conditions besides its default flow: give %s a condition";
    public static final String EXCLUSIVE_GATEWAY = "exclusive gateway";
    public static final String INCLUSIVE_GATEWAY = "inclusive gateway";
    public static final String DEFAULT_NOT_OUTGOING = "default flow '%s' is not an outgoing sequence flow of this element: name one of %s";
    public static final String NO_OUTGOING_FLOWS = "its outgoing flows (it has none)";

    public static final String CONDITION_INVALID =
            "condition does not compile: %s; write an expression like ${approved} or ${amount > 100}";
    public static final String CONDITION_IN_JAVA =
            "Java conditions are not supported: write an expression like ${approved} instead, and remove language=\"%s\"";
    public static final String CONDITION_IN_FEEL = "FEEL conditions are not supported: write an expression like ${approved} instead";
    public static final String CONDITION_IN_OTHER_LANGUAGE =
            "conditions in language '%s' are not supported:"
                    + " write an expression like ${approved} instead, and remove the language attribute";

    private static final Map<String, String> UNSUPPORTED_REASONS = Map.ofEntries(
            Map.entry("complexGateway", "Ferry does not execute complex gateways; use exclusive, inclusive or parallel gateways"),
            Map.entry("callActivity", "Ferry does not execute call activities yet"),
            Map.entry("adHocSubProcess", "Ferry does not execute ad-hoc sub-processes"),
            Map.entry("transaction", "Ferry does not execute transaction sub-processes"),
            Map.entry("multiInstanceLoopCharacteristics", "Ferry does not execute multi-instance activities yet"),
            Map.entry("standardLoopCharacteristics",
                    "Ferry does not execute loop activities; model the loop with an exclusive gateway and a sequence flow back"));

    private BpmnMessages() {
    }

    /** Why Ferry rejects a BPMN element it knows, or null when the element is not one of those. */
    static String unsupportedReason(String elementName) {
        return UNSUPPORTED_REASONS.get(elementName);
    }
}
