package io.ferry.bpmn;

import io.ferry.definition.ProcessDefinition;
import java.util.List;

/**
 * What one BPMN file yields.
 *
 * @param definitions the executable processes that have no problem, in document order
 * @param problems every problem found in the file, ordered by line and column; empty when the file is fine
 * @param handlerCalls the nodes of the definitions that call a handler, in document order
 */
public record BpmnReadResult(List<ProcessDefinition> definitions, List<BpmnProblem> problems, List<HandlerCall> handlerCalls) {

    public BpmnReadResult {
        definitions = List.copyOf(definitions);
        problems = List.copyOf(problems);
        handlerCalls = List.copyOf(handlerCalls);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
