package io.ferry.bpmn;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.TimerDefinition;
import io.ferry.source.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;

/**
 * Walks one BPMN document once and turns each executable process into a {@link ParsedProcess},
 * reporting unsupported elements as it meets them. Checks that need the whole process come later,
 * in {@link ProcessChecker}.
 */
final class BpmnDocumentParser {

    private final String resource;
    private final XmlCursor xml;
    private final List<BpmnProblem> fileProblems = new ArrayList<>();
    private final List<ParsedProcess> processes = new ArrayList<>();
    private final MessageDeclarations messages = new MessageDeclarations();
    private final ErrorDeclarations errors = new ErrorDeclarations();

    BpmnDocumentParser(String resource, XmlCursor xml) {
        this.resource = resource;
        this.xml = xml;
    }

    List<BpmnProblem> fileProblems() {
        return fileProblems;
    }

    List<ParsedProcess> processes() {
        return processes;
    }

    void parse() throws XMLStreamException {
        xml.toRootElement();
        if (!xml.is(BpmnNamespaces.BPMN, "definitions")) {
            String message = String.format(BpmnMessages.NOT_BPMN, xml.localName(), xml.namespace());
            fileProblems.add(new BpmnProblem(resource, xml.position(), null, message));
            return;
        }
        while (xml.nextChild()) {
            if (xml.is(BpmnNamespaces.BPMN, "process")) {
                readProcess();
            } else if (xml.is(BpmnNamespaces.BPMN, "message")) {
                readMessage();
            } else if (xml.is(BpmnNamespaces.BPMN, "error")) {
                String id = xml.attributes().get("id");
                if (id != null) {
                    errors.declare(id, xml.attributes().get("errorCode"));
                }
                xml.skipElement();
            } else {
                xml.skipElement(); // collaborations, errors, diagrams: nothing Ferry executes
            }
        }
        messages.resolve();
        errors.resolve();
    }

    /** A {@code <message>}: its name, and the correlation key Ferry's attribute or Camunda 8's subscription gives it. */
    private void readMessage() throws XMLStreamException {
        XmlCursor.Attributes attributes = xml.attributes();
        SourcePosition position = xml.position();
        String correlationKey = attributes.get(BpmnNamespaces.FERRY, "correlationKey");
        while (xml.nextChild()) {
            if (xml.is(BpmnNamespaces.BPMN, "extensionElements")) {
                while (xml.nextChild()) {
                    if (xml.is(BpmnNamespaces.ZEEBE, "subscription") && correlationKey == null) {
                        correlationKey = xml.attributes().get("correlationKey");
                    }
                    xml.skipElement();
                }
            } else {
                xml.skipElement();
            }
        }
        String id = attributes.get("id");
        if (id != null) {
            messages.declare(id, new MessageDeclarations.Declared(attributes.get("name"), correlationKey, position));
        }
    }

    private void readProcess() throws XMLStreamException {
        XmlCursor.Attributes attributes = xml.attributes();
        String executable = attributes.get("isExecutable");
        if ("false".equals(executable) || "0".equals(executable)) {
            xml.skipElement(); // a documentation pool
            return;
        }
        ParsedProcess process = new ParsedProcess(
                resource, attributes.get("id"), attributes.get("name"), ProcessVersion.of(attributes), xml.position());
        if (process.id() == null) {
            process.problem(process.position(), null, String.format(BpmnMessages.MISSING_ID, "process"));
        }
        if (process.version() == null) {
            process.problem(process.position(), process.id(), BpmnMessages.NO_VERSION);
        }
        while (xml.nextChild()) {
            readScopeChild(process, null);
        }
        processes.add(process);
    }

    /** Reads one child of a process or sub-process. */
    private void readScopeChild(ParsedProcess process, String scopeId) throws XMLStreamException {
        if (!xml.isBpmn()) {
            xml.skipElement(); // a vendor extension outside extensionElements
            return;
        }
        String element = xml.localName();
        NodeKind kind = BpmnElements.NODE_KINDS.get(element);
        if (element.equals("sequenceFlow")) {
            readSequenceFlow(process);
        } else if (kind != null) {
            readFlowNode(process, scopeId, kind);
        } else if (BpmnElements.IGNORED_IN_SCOPE.contains(element)) {
            xml.skipElement();
        } else {
            String reason = BpmnMessages.unsupportedReason(element);
            reject(process, scopeId, reason == null ? BpmnMessages.UNKNOWN_ELEMENT : reason);
        }
    }

    /** Reports the current element as unsupported and skips it, with anything inside. */
    private void reject(ParsedProcess process, String scopeId, String reason) throws XMLStreamException {
        String id = xml.attributes().get("id");
        SourcePosition position = xml.position();
        String element = xml.localName();
        process.problem(position, id, String.format(BpmnMessages.UNSUPPORTED_ELEMENT, element, reason));
        if (id != null) {
            process.checkUniqueId(id, position);
            process.rejected().add(new RejectedElement(id, element, scopeId));
        }
        xml.skipElement();
    }

    private void readSequenceFlow(ParsedProcess process) throws XMLStreamException {
        XmlCursor.Attributes attributes = xml.attributes();
        SourcePosition position = xml.position();
        String condition = null;
        String language = null;
        SourcePosition conditionPosition = position;
        while (xml.nextChild()) {
            if (xml.is(BpmnNamespaces.BPMN, "conditionExpression")) {
                language = xml.attributes().get("language");
                conditionPosition = xml.position();
                condition = xml.text();
            } else {
                xml.skipElement();
            }
        }
        String id = attributes.get("id");
        if (id == null) {
            process.problem(position, null, String.format(BpmnMessages.MISSING_ID, "sequenceFlow"));
        } else {
            process.checkUniqueId(id, position);
            process.flows().add(new ParsedFlow(
                    id, attributes.get("name"), attributes.get("sourceRef"), attributes.get("targetRef"),
                    condition, language, position, conditionPosition));
        }
    }

    private void readFlowNode(ParsedProcess process, String scopeId, NodeKind kind) throws XMLStreamException {
        XmlCursor.Attributes attributes = xml.attributes();
        SourcePosition position = xml.position();
        String id = attributes.get("id");
        if (id == null) {
            process.problem(position, null, String.format(BpmnMessages.MISSING_ID, xml.localName()));
            xml.skipElement();
            return;
        }
        if (kind == NodeKind.SUB_PROCESS && "true".equals(attributes.get("triggeredByEvent"))) {
            reject(process, scopeId, BpmnMessages.EVENT_SUB_PROCESS);
            return;
        }
        process.checkUniqueId(id, position);
        int insertAt = process.nodes().size(); // a sub-process comes before the nodes inside it
        String workItem = kind == NodeKind.TASK ? attributes.get(BpmnNamespaces.DROOLS, "taskName") : null;
        if (workItem != null && !workItem.isBlank()) {
            // A Kogito custom work item: a plain task only in name, it runs the handler registered as taskName.
            kind = NodeKind.SERVICE_TASK;
        }
        NodeContent content = new NodeContent(xml.localName(), kind, scopeId);
        if (kind == NodeKind.RECEIVE_TASK) {
            content.messageRef = attributes.get("messageRef");
            content.messagePosition = position;
        }
        while (xml.nextChild()) {
            readNodeChild(process, id, content);
        }
        if (content.rejected) {
            process.rejected().add(new RejectedElement(id, content.element, scopeId));
            return;
        }
        NodeDetails details = details(process, id, position, attributes, content);
        if (details == null) {
            // Its problem is reported; flows to and from it need not be reported as leading nowhere.
            process.rejected().add(new RejectedElement(id, content.element, scopeId));
            return;
        }
        String defaultFlowId = attributes.get("default");
        process.nodes().add(insertAt,
                new ParsedNode(id, attributes.get("name"), content.kind, scopeId, defaultFlowId, details, position));
        if (details instanceof NodeDetails.Error || details instanceof NodeDetails.BoundaryError) {
            errors.waitFor(new ErrorDeclarations.Waiting(process, id, content.errorRef, content.errorPosition));
        }
        if (details instanceof NodeDetails.Message) {
            messages.waitFor(new MessageDeclarations.Waiting(process, id, content.messageRef,
                    attributes.get(BpmnNamespaces.FERRY, "correlationKey"), content.messagePosition,
                    Objects.requireNonNullElse(attributes.get("attachedToRef"), ""), !"false".equals(attributes.get("cancelActivity"))));
        }
    }

    /** What the node's kind needs besides the common fields; null when a problem keeps the node out. */
    private static NodeDetails details(ParsedProcess process, String id, SourcePosition position,
            XmlCursor.Attributes attributes, NodeContent content) {
        return switch (content.kind) {
            case SERVICE_TASK, SEND_TASK, BUSINESS_RULE_TASK, SCRIPT_TASK, MESSAGE_THROW_EVENT, MESSAGE_END_EVENT -> {
                String handler = HandlerName.of(attributes, content.zeebeTaskType);
                if (handler == null && content.eventDefinition != null) {
                    // Camunda 7 names a message event's implementation on its messageEventDefinition.
                    handler = HandlerName.of(content.eventDefinition, null);
                }
                if (handler == null) {
                    process.problem(position, id, String.format(BpmnMessages.NO_HANDLER, content.element,
                            BpmnMessages.HANDLER_PURPOSE.get(content.kind)));
                }
                JobRetries.Settings retries = retries(process, id, position, attributes, content);
                yield new NodeDetails.ServiceTask(handler, retries.retries(), retries.backoff(),
                        timeout(process, id, position, attributes));
            }
            case TIMER_CATCH_EVENT, BOUNDARY_TIMER_EVENT, TIMER_START_EVENT -> {
                if (content.timer == null) {
                    if (!content.timerProblem) {
                        process.problem(position, id, String.format(BpmnMessages.TIMER_MISSING, content.element));
                    }
                    yield null;
                }
                yield content.kind != NodeKind.BOUNDARY_TIMER_EVENT ? new NodeDetails.Timer(content.timer)
                        : new NodeDetails.BoundaryTimer(Objects.requireNonNullElse(attributes.get("attachedToRef"), ""),
                                !"false".equals(attributes.get("cancelActivity")), content.timer);
            }
            // Resolved once the whole file is read (ErrorDeclarations): the error may be declared after the process.
            case ERROR_END_EVENT -> new NodeDetails.Error(Objects.requireNonNullElse(content.errorRef, ""));
            case BOUNDARY_ERROR_EVENT -> new NodeDetails.BoundaryError(Objects.requireNonNullElse(attributes.get("attachedToRef"), ""),
                    content.errorRef);
            case MESSAGE_START_EVENT, MESSAGE_CATCH_EVENT, RECEIVE_TASK, BOUNDARY_MESSAGE_EVENT -> {
                if (content.messageRef == null || content.messageRef.isBlank()) {
                    process.problem(position, id, String.format(BpmnMessages.MESSAGE_MISSING, content.element));
                    yield null;
                }
                // Resolved once the whole file is read (MessageDeclarations): the message may be declared after the process.
                yield new NodeDetails.Message(content.messageRef, null);
            }
            default -> NodeDetails.None.NONE;
        };
    }

    /** Ferry's attributes first, then Camunda 8's task definition, then Camunda 7's retry cycle. */
    private static JobRetries.Settings retries(ParsedProcess process, String id, SourcePosition position,
            XmlCursor.Attributes attributes, NodeContent content) {
        Integer retries = null;
        Duration backoff = null;
        if (content.camundaRetryCycle != null) {
            JobRetries.Settings cycle = JobRetries.cycle(content.camundaRetryCycle);
            if (cycle == null) {
                process.problem(content.camundaRetryCyclePosition, id,
                        String.format(BpmnMessages.RETRY_CYCLE_INVALID, content.camundaRetryCycle.strip()));
            } else {
                retries = cycle.retries();
                backoff = cycle.backoff();
            }
        }
        if (content.zeebeRetries != null) {
            retries = checkedAttempts(process, id, content.zeebeRetriesPosition, "zeebe:taskDefinition retries",
                    content.zeebeRetries, retries);
        }
        String ferryRetries = attributes.get(BpmnNamespaces.FERRY, "retries");
        if (ferryRetries != null) {
            retries = checkedAttempts(process, id, position, "ferry:retries", ferryRetries, retries);
        }
        String ferryBackoff = attributes.get(BpmnNamespaces.FERRY, "retryBackoff");
        if (ferryBackoff != null) {
            Duration written = JobRetries.backoff(ferryBackoff);
            if (written == null) {
                process.problem(position, id, String.format(BpmnMessages.RETRY_BACKOFF_INVALID, ferryBackoff));
            } else {
                backoff = written;
            }
        }
        return new JobRetries.Settings(retries, backoff);
    }

    /** A task's own time limit per call ({@code ferry:timeout}), or null for the configured one. */
    private static Duration timeout(ParsedProcess process, String id, SourcePosition position, XmlCursor.Attributes attributes) {
        String written = attributes.get(BpmnNamespaces.FERRY, "timeout");
        if (written == null) {
            return null;
        }
        Duration timeout = JobRetries.backoff(written);
        if (timeout == null) {
            process.problem(position, id, String.format(BpmnMessages.TIMEOUT_INVALID, written));
        }
        return timeout;
    }

    private static Integer checkedAttempts(ParsedProcess process, String id, SourcePosition position, String attribute,
            String text, Integer otherwise) {
        Integer attempts = JobRetries.attempts(text);
        if (attempts == null) {
            process.problem(position, id, String.format(BpmnMessages.RETRIES_INVALID, attribute, text));
            return otherwise;
        }
        return attempts;
    }

    private void readNodeChild(ParsedProcess process, String nodeId, NodeContent content) throws XMLStreamException {
        if (!xml.isBpmn()) {
            xml.skipElement();
            return;
        }
        String child = xml.localName();
        if (child.equals("extensionElements")) {
            readExtensionElements(content);
        } else if (BpmnElements.LOOP_CHARACTERISTICS.contains(child)) {
            unsupportedChild(process, nodeId, BpmnMessages.unsupportedReason(child));
        } else if (child.equals(BpmnElements.MESSAGE_EVENT_DEFINITION)
                && (content.kind == NodeKind.END_EVENT || content.kind == NodeKind.INTERMEDIATE_THROW_EVENT)) {
            content.kind = content.kind == NodeKind.END_EVENT ? NodeKind.MESSAGE_END_EVENT : NodeKind.MESSAGE_THROW_EVENT;
            content.eventDefinition = xml.attributes();
            xml.skipElement();
        } else if (BpmnElements.isEventDefinition(child) && content.kind == NodeKind.INTERMEDIATE_THROW_EVENT) {
            unsupportedChild(process, nodeId, BpmnMessages.THROW_EVENT_DEFINITION);
            content.rejected = true;
        } else if (child.equals(BpmnElements.MESSAGE_EVENT_DEFINITION) && acceptsMessage(content)) {
            content.kind = switch (content.kind) {
                case START_EVENT -> NodeKind.MESSAGE_START_EVENT;
                case BOUNDARY_TIMER_EVENT -> NodeKind.BOUNDARY_MESSAGE_EVENT;
                default -> NodeKind.MESSAGE_CATCH_EVENT;
            };
            content.messageRef = xml.attributes().get("messageRef");
            content.messagePosition = xml.position();
            xml.skipElement();
        } else if (child.equals(BpmnElements.ERROR_EVENT_DEFINITION) && (content.kind == NodeKind.END_EVENT
                || content.kind == NodeKind.BOUNDARY_TIMER_EVENT && content.timer == null && !content.timerProblem)) {
            content.kind = content.kind == NodeKind.END_EVENT ? NodeKind.ERROR_END_EVENT : NodeKind.BOUNDARY_ERROR_EVENT;
            content.errorRef = xml.attributes().get("errorRef");
            content.errorPosition = xml.position();
            xml.skipElement();
        } else if (child.equals(BpmnElements.TIMER_EVENT_DEFINITION) && content.kind == NodeKind.START_EVENT
                && content.scopeId == null) {
            content.kind = NodeKind.TIMER_START_EVENT;
            SourcePosition timerPosition = xml.position();
            readTimer(process, nodeId, content);
            if (content.timer != null && content.timer.variable().isPresent()) {
                process.problem(timerPosition, nodeId, BpmnMessages.START_TIMER_VARIABLE);
                content.timer = null;
                content.timerProblem = true;
            }
        } else if (BpmnElements.isEventDefinition(child) && content.kind == NodeKind.START_EVENT) {
            unsupportedChild(process, nodeId, BpmnMessages.START_EVENT_DEFINITION);
            content.rejected = true;
        } else if (child.equals(BpmnElements.TERMINATE_EVENT_DEFINITION) && content.kind == NodeKind.END_EVENT) {
            content.kind = NodeKind.TERMINATE_END_EVENT;
            xml.skipElement();
        } else if (child.equals(BpmnElements.TIMER_EVENT_DEFINITION) && isTimerEvent(content.kind)) {
            readTimer(process, nodeId, content);
        } else if (BpmnElements.isEventDefinition(child) && isTimerEvent(content.kind)) {
            unsupportedChild(process, nodeId, content.kind == NodeKind.TIMER_CATCH_EVENT
                    ? BpmnMessages.CATCH_EVENT_DEFINITION : BpmnMessages.BOUNDARY_EVENT_DEFINITION);
            content.timerProblem = true;
        } else if (BpmnElements.isEventDefinition(child) && isEndEvent(content.kind)) {
            unsupportedChild(process, nodeId, BpmnMessages.END_EVENT_DEFINITION);
            content.rejected = true;
        } else if (BpmnElements.IGNORED_IN_NODE.contains(child)) {
            xml.skipElement();
        } else if (content.kind == NodeKind.SUB_PROCESS) {
            readScopeChild(process, nodeId);
        } else {
            unsupportedChild(process, nodeId, BpmnMessages.UNKNOWN_ELEMENT);
        }
    }

    /** A message definition makes a process-level start event, a catch event or a boundary event a message event. */
    private static boolean acceptsMessage(NodeContent content) {
        return content.kind == NodeKind.START_EVENT && content.scopeId == null
                || content.kind == NodeKind.TIMER_CATCH_EVENT && content.timer == null && !content.timerProblem
                || content.kind == NodeKind.BOUNDARY_TIMER_EVENT && content.timer == null && !content.timerProblem;
    }

    private static boolean isTimerEvent(NodeKind kind) {
        return kind == NodeKind.TIMER_CATCH_EVENT || kind == NodeKind.BOUNDARY_TIMER_EVENT;
    }

    /** Reads the timeDate, timeDuration or timeCycle of a timer event and checks its text. */
    private void readTimer(ParsedProcess process, String nodeId, NodeContent content) throws XMLStreamException {
        while (xml.nextChild()) {
            TimerDefinition.Type type = timerType(xml.localName());
            if (type == null || !xml.isBpmn()) {
                xml.skipElement();
                continue;
            }
            SourcePosition position = xml.position();
            TimerDefinition timer = new TimerDefinition(type, xml.text());
            String problem = TimerCheck.problemWith(timer);
            if (problem != null) {
                process.problem(position, nodeId, problem);
                content.timerProblem = true;
            } else {
                content.timer = timer;
            }
        }
    }

    private static TimerDefinition.Type timerType(String element) {
        for (TimerDefinition.Type type : TimerDefinition.Type.values()) {
            if (type.element().equals(element)) {
                return type;
            }
        }
        return null;
    }

    private static boolean isEndEvent(NodeKind kind) {
        return kind == NodeKind.END_EVENT || kind == NodeKind.TERMINATE_END_EVENT || kind == NodeKind.MESSAGE_END_EVENT;
    }

    private void unsupportedChild(ParsedProcess process, String nodeId, String reason) throws XMLStreamException {
        process.problem(xml.position(), nodeId, String.format(BpmnMessages.UNSUPPORTED_ELEMENT, xml.localName(), reason));
        xml.skipElement();
    }

    /**
     * Only what a service task's job needs matters here: Camunda 8's task definition (the handler's
     * name and the attempts) and Camunda 7's retry cycle.
     */
    private void readExtensionElements(NodeContent content) throws XMLStreamException {
        while (xml.nextChild()) {
            if (xml.is(BpmnNamespaces.ZEEBE, "taskDefinition")) {
                content.zeebeTaskType = xml.attributes().get("type");
                content.zeebeRetries = xml.attributes().get("retries");
                content.zeebeRetriesPosition = xml.position();
            } else if (xml.is(BpmnNamespaces.CAMUNDA, "failedJobRetryTimeCycle")) {
                content.camundaRetryCyclePosition = xml.position();
                content.camundaRetryCycle = xml.text();
                continue;
            }
            xml.skipElement();
        }
    }

    /** What a flow node's children change about it. */
    private static final class NodeContent {
        final String element;
        NodeKind kind;
        boolean rejected;
        String zeebeTaskType;
        String zeebeRetries;
        SourcePosition zeebeRetriesPosition;
        String camundaRetryCycle;
        SourcePosition camundaRetryCyclePosition;
        TimerDefinition timer;
        boolean timerProblem;
        final String scopeId;
        String messageRef;
        SourcePosition messagePosition;
        String errorRef;
        SourcePosition errorPosition;
        /** The attributes of a message throw or end event's messageEventDefinition, where Camunda 7 names its handler. */
        XmlCursor.Attributes eventDefinition;

        NodeContent(String element, NodeKind kind, String scopeId) {
            this.element = element;
            this.kind = kind;
            this.scopeId = scopeId;
        }
    }
}
