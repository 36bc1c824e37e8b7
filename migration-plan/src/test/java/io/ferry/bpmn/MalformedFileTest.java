package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MalformedFileTest {

    @Test
    void reportsTheParserErrorAtItsLine() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start">
                  </process>
                </definitions>
                """)).containsExactly("order.bpmn:4:5 the file is not well-formed XML:"
                + " The element type \"startEvent\" must be terminated by the matching end-tag \"</startEvent>\".");
    }

    @Test
    void doesNotResolveExternalEntities() {
        assertThat(BpmnFiles.problems("""
                <?xml version="1.0"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <definitions>
                  <process id="order" name="&secret;" ferry:version="1"><startEvent id="start" /></process>
                </definitions>
                """)).containsExactly("order.bpmn:4:37 the file is not well-formed XML: The entity \"secret\" was referenced, but not declared.");
    }

    @Test
    void rejectsAFileThatIsNotBpmn() {
        // The parser reports nothing before the root element, so its position is where its start tag ends.
        assertThat(BpmnFiles.problems("""
                <dmn:definitions xmlns:dmn="https://www.omg.org/spec/DMN/20191111/MODEL/">
                </dmn:definitions>
                """)).containsExactly("order.bpmn:1:75 not a BPMN 2.0 file: the root element is <definitions> in namespace"
                + " 'https://www.omg.org/spec/DMN/20191111/MODEL/'; expected <definitions> in namespace 'http://www.omg.org/spec/BPMN/20100524/MODEL'");
    }
}
