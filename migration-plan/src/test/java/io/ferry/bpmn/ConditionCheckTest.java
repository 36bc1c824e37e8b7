package io.ferry.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionCheckTest {

    private static List<String> problemsOf(String conditionExpression) {
        return BpmnFiles.problems("""
                <definitions>
                  <process id="order" ferry:version="1">
                    <startEvent id="start" />
                    <sequenceFlow id="toEnd" sourceRef="start" targetRef="end">
                      %s
                    </sequenceFlow>
                    <endEvent id="end" />
                  </process>
                </definitions>
                """.formatted(conditionExpression));
    }

    @Test
    void acceptsJuelStyleAndJexlExpressions() {
        assertThat(problemsOf("<conditionExpression xsi:type=\"tFormalExpression\">#{amount &gt; 100 &amp;&amp; !vip}</conditionExpression>")).isEmpty();
        assertThat(problemsOf("<conditionExpression language=\"jexl\"><![CDATA[${amount > 100}]]></conditionExpression>")).isEmpty();
    }

    @Test
    void rejectsAConditionThatDoesNotCompile() {
        assertThat(problemsOf("<conditionExpression>${amount &gt;}</conditionExpression>")).containsExactly(
                "order.bpmn:5:7 [toEnd] condition does not compile: parsing error in '>'; write an expression like ${approved} or ${amount > 100}");
    }

    @Test
    void rejectsJavaConditions() {
        assertThat(problemsOf("<conditionExpression language=\"http://www.java.com/java\">return approved;</conditionExpression>")).containsExactly(
                "order.bpmn:5:7 [toEnd] Java conditions are not supported: write an expression like ${approved} instead,"
                        + " and remove language=\"http://www.java.com/java\"");
    }

    @Test
    void rejectsFeelConditions() {
        assertThat(problemsOf("<conditionExpression>= approved = true</conditionExpression>")).containsExactly(
                "order.bpmn:5:7 [toEnd] FEEL conditions are not supported: write an expression like ${approved} instead");
        assertThat(problemsOf("<conditionExpression language=\"https://www.omg.org/spec/DMN/20191111/FEEL/\">approved</conditionExpression>"))
                .containsExactly("order.bpmn:5:7 [toEnd] FEEL conditions are not supported: write an expression like ${approved} instead");
    }

    @Test
    void rejectsOtherLanguages() {
        assertThat(problemsOf("<conditionExpression language=\"groovy\">approved == true</conditionExpression>")).containsExactly(
                "order.bpmn:5:7 [toEnd] conditions in language 'groovy' are not supported: write an expression like ${approved} instead,"
                        + " and remove the language attribute");
    }
}
