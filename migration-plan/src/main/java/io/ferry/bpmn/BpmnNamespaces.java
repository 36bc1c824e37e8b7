package io.ferry.bpmn;

/** The XML namespaces the reader understands. */
final class BpmnNamespaces {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String FERRY = "https://ferry.io/schema/1.0/bpmn";
    /** Kogito / jBPM. */
    static final String DROOLS = "http://www.jboss.org/drools";
    /** Camunda 7. */
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda 8. */
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

    private BpmnNamespaces() {
    }
}
