package io.ferry.bpmn;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads inline test BPMN; {@code <definitions>} on the first line gets the usual namespaces, so line numbers stay as written. */
final class BpmnFiles {

    static final String RESOURCE = "order.bpmn";

    private static final String NAMESPACES = String.join(" ",
            "xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"",
            "xmlns:ferry=\"https://ferry.io/schema/1.0/bpmn\"",
            "xmlns:drools=\"http://www.jboss.org/drools\"",
            "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"",
            "xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\"",
            "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\"",
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");

    private BpmnFiles() {
    }

    static BpmnReadResult read(String xml) {
        String declared = xml.replaceFirst("<definitions>", "<definitions " + NAMESPACES + ">");
        return BpmnReader.read(RESOURCE, declared.getBytes(StandardCharsets.UTF_8));
    }

    /** The problems as a person sees them. */
    static List<String> problems(String xml) {
        return read(xml).problems().stream().map(BpmnProblem::toString).toList();
    }
}
