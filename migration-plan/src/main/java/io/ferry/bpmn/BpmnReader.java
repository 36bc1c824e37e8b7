package io.ferry.bpmn;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.ProcessDefinition;
import io.ferry.source.SourcePosition;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Reads a BPMN 2.0 file into Ferry's executable model at build time, and reports every problem
 * in it (file, line and column, element id, what to do) instead of stopping at the first.
 *
 * <h2>What is read</h2>
 * Every {@code process} of the file, except those with {@code isExecutable="false"} (documentation
 * pools). Inside a process: none start events, none and terminate end events, task, manualTask,
 * userTask, serviceTask, exclusive / parallel / inclusive gateways, embedded sub-processes (nested
 * too) and sequence flows with JEXL / JUEL-style conditions ({@code ${approved}}). Documentation,
 * extension elements, lanes, artifacts, data objects and stores, data associations, assignments and
 * diagram elements are skipped: they do not change how a process runs. Any other element inside a
 * process is rejected by name.
 *
 * <h2>Process version, first found on the {@code process} element</h2>
 * <table>
 *   <tr><th>Attribute</th><th>Written by</th></tr>
 *   <tr><td>{@code ferry:version} ({@code https://ferry.io/schema/1.0/bpmn})</td><td>Ferry</td></tr>
 *   <tr><td>{@code drools:version} ({@code http://www.jboss.org/drools})</td><td>Kogito / jBPM</td></tr>
 *   <tr><td>{@code camunda:versionTag} ({@code http://camunda.org/schema/1.0/bpmn})</td><td>Camunda 7</td></tr>
 * </table>
 *
 * <h2>Service-task handler name, first found</h2>
 * <table>
 *   <tr><th>Written as</th><th>By</th><th>Handler name</th></tr>
 *   <tr><td>{@code ferry:handler="name"}</td><td>Ferry</td><td>{@code name}</td></tr>
 *   <tr><td>{@code <zeebe:taskDefinition type="name"/>} in extensionElements
 *       ({@code http://camunda.org/schema/zeebe/1.0})</td><td>Camunda 8</td><td>{@code name}</td></tr>
 *   <tr><td>{@code camunda:topic="name"} (external task)</td><td>Camunda 7</td><td>{@code name}</td></tr>
 *   <tr><td>{@code camunda:delegateExpression="${name}"}</td><td>Camunda 7</td><td>{@code name}</td></tr>
 *   <tr><td>{@code camunda:class="com.acme.Archive"}</td><td>Camunda 7</td><td>{@code com.acme.Archive}</td></tr>
 *   <tr><td>{@code drools:serviceinterface="com.acme.Stock" drools:serviceoperation="reserve"}</td>
 *       <td>Kogito / jBPM</td><td>{@code com.acme.Stock#reserve}</td></tr>
 *   <tr><td>{@code <task drools:taskName="Email">} (a custom work item: read as a service task)</td>
 *       <td>Kogito / jBPM</td><td>{@code Email}</td></tr>
 * </table>
 */
public final class BpmnReader {

    private BpmnReader() {
    }

    /**
     * Reads one BPMN file.
     *
     * @param resourceName how problems and definitions name the file, e.g. {@code processes/order.bpmn}
     * @param xml the file's bytes; the encoding comes from the XML declaration
     */
    public static BpmnReadResult read(String resourceName, byte[] xml) {
        BpmnDocumentParser parser;
        try {
            parser = new BpmnDocumentParser(resourceName,
                    new XmlCursor(secureFactory().createXMLStreamReader(new ByteArrayInputStream(xml))));
            parser.parse();
        } catch (XMLStreamException e) {
            // Nothing after a syntax error can be trusted, so it is the file's only problem.
            return new BpmnReadResult(List.of(), List.of(malformed(resourceName, e)), List.of());
        }
        List<ProcessDefinition> definitions = new ArrayList<>();
        List<BpmnProblem> problems = new ArrayList<>(parser.fileProblems());
        List<HandlerCall> handlerCalls = new ArrayList<>();
        for (ParsedProcess process : parser.processes()) {
            ProcessChecker.check(process);
            problems.addAll(process.problems());
            if (process.problems().isEmpty()) {
                definitions.add(ProcessAssembler.assemble(process));
                handlerCalls.addAll(handlerCalls(resourceName, process));
            }
        }
        problems.sort(Comparator.comparing(BpmnProblem::position));
        return new BpmnReadResult(definitions, problems, handlerCalls);
    }

    private static List<HandlerCall> handlerCalls(String resourceName, ParsedProcess process) {
        return process.nodes().stream()
                .filter(node -> node.details() instanceof NodeDetails.ServiceTask)
                .map(node -> new HandlerCall(resourceName, node.position(), node.id(), node.kind().bpmnElement(),
                        ((NodeDetails.ServiceTask) node.details()).handler()))
                .toList();
    }

    /** The JDK's own StAX parser, with DTDs and external entities switched off. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static BpmnProblem malformed(String resourceName, XMLStreamException e) {
        SourcePosition position = e.getLocation() == null ? new SourcePosition(1, 1)
                : new SourcePosition(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber());
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int parserPrefixEnd = reason.indexOf("Message: ");
        if (parserPrefixEnd >= 0) {
            reason = reason.substring(parserPrefixEnd + "Message: ".length()); // drop "ParseError at [row,col]:[3,3]"
        }
        return new BpmnProblem(resourceName, position, null, String.format(BpmnMessages.MALFORMED_XML, reason.strip()));
    }
}
