package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A problem points at the {@code <} of its element's start tag, counted as editors and compilers
 * count (from 1; a tab or an ü is one column), whatever comes before the tag on its line. The
 * parser has already read that {@code <} when it ends a text, so these cases pin the correction.
 */
class ProblemPositionTest {

    private static final String CALL_ACTIVITY = " unsupported element <callActivity>: Ferry does not execute call activities yet";

    @Test
    void theColumnIsWhereTheStartTagBegins() {
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" /><callActivity id="afterAnElement" />
                \t<callActivity id="afterATab" />
                    <!-- a note --><callActivity id="afterAComment" />
                    stray text &amp; <![CDATA[ raw ]]><callActivity id="afterText" />
                    <task id="check" name="Prüfen" /><callActivity id="afterAnUmlaut" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:3:30 [afterAnElement]" + CALL_ACTIVITY,
                "order.bpmn:4:2 [afterATab]" + CALL_ACTIVITY,
                "order.bpmn:5:20 [afterAComment]" + CALL_ACTIVITY,
                "order.bpmn:6:39 [afterText]" + CALL_ACTIVITY,
                "order.bpmn:7:38 [afterAnUmlaut]" + CALL_ACTIVITY);
    }

    @Test
    void problemsOnOneLineAreInTheOrderOfTheirColumns() {
        // The gateway's problem is found after the whole process is read, the call activity's while reading it.
        assertThat(BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" /><exclusiveGateway id="choose" default="nowhere" /><callActivity id="pay" />
                  </process>
                </definitions>
                """)).containsExactly(
                "order.bpmn:3:30 [choose] default flow 'nowhere' is not an outgoing sequence flow of this element: name one "
                        + "of its outgoing flows (it has none)",
                "order.bpmn:3:80 [pay]" + CALL_ACTIVITY);
    }
}
