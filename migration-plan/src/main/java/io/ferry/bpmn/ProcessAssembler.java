package io.ferry.bpmn;

import io.ferry.definition.Node;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.SequenceFlow;
import io.ferry.expression.Condition;
import java.util.List;

/** Turns a process that passed every check into the immutable executable model. */
final class ProcessAssembler {

    private ProcessAssembler() {
    }

    static ProcessDefinition assemble(ParsedProcess process) {
        List<Node> nodes = process.nodes().stream()
                .map(node -> new Node(
                        node.id(),
                        node.name(),
                        node.kind(),
                        node.scopeId(),
                        process.incoming(node.id()).stream().map(ParsedFlow::id).toList(),
                        process.outgoing(node.id()).stream().map(ParsedFlow::id).toList(),
                        node.defaultFlowId(),
                        node.details()))
                .toList();
        List<SequenceFlow> flows = process.flows().stream()
                .map(flow -> new SequenceFlow(
                        flow.id(),
                        flow.name(),
                        flow.sourceRef(),
                        flow.targetRef(),
                        flow.condition() == null ? null : Condition.unwrap(flow.condition())))
                .toList();
        return new ProcessDefinition(process.id(), process.name(), process.version(), process.resource(), nodes, flows);
    }
}
