package io.ferry.execution.lifecycle;

import io.ferry.execution.ExecutableProcess;
import io.ferry.execution.Refusal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Node;
import io.ferry.definition.SequenceFlow;
import io.ferry.expression.Condition;
import io.ferry.expression.ConditionFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the outgoing flows of a node against the current variables. Flows are looked at in
 * document order; a flow without condition counts as true; the default flow is only taken when
 * no other flow is.
 */
public final class OutgoingFlows {

    private final ExecutableProcess process;
    private final ObjectNode variables;
    private final String instanceId;

    OutgoingFlows(ExecutableProcess process, ObjectNode variables, String instanceId) {
        this.process = process;
        this.variables = variables;
        this.instanceId = instanceId;
    }

    /** Every outgoing flow (parallel gateway). */
    public FlowChoice all(Node node) {
        return FlowChoice.take(process.outgoing(node));
    }

    /** Every flow whose condition holds (activities, events, inclusive gateway). */
    public FlowChoice allMet(Node node) {
        List<SequenceFlow> taken = new ArrayList<>();
        for (SequenceFlow flow : candidates(node)) {
            Optional<Refusal> refusal = evaluate(flow, taken);
            if (refusal.isPresent()) {
                return FlowChoice.refuse(refusal.get());
            }
        }
        return orDefault(node, taken);
    }

    /** The first flow whose condition holds (exclusive gateway). */
    public FlowChoice firstMet(Node node) {
        List<SequenceFlow> taken = new ArrayList<>();
        for (SequenceFlow flow : candidates(node)) {
            Optional<Refusal> refusal = evaluate(flow, taken);
            if (refusal.isPresent()) {
                return FlowChoice.refuse(refusal.get());
            }
            if (!taken.isEmpty()) {
                break;
            }
        }
        return orDefault(node, taken);
    }

    private List<SequenceFlow> candidates(Node node) {
        return process.outgoing(node).stream().filter(flow -> !flow.id().equals(node.defaultFlowId())).toList();
    }

    private Optional<Refusal> evaluate(SequenceFlow flow, List<SequenceFlow> taken) {
        Optional<Condition> condition = process.condition(flow);
        try {
            if (condition.isEmpty() || condition.get().isMetBy(variables)) {
                taken.add(flow);
            }
            return Optional.empty();
        } catch (ConditionFailedException e) {
            return Optional.of(Refusal.conditionFailed(instanceId, flow, e));
        }
    }

    // A node without outgoing flows ends its token (implicit end); one whose flows all fail is an error.
    private FlowChoice orDefault(Node node, List<SequenceFlow> taken) {
        if (!taken.isEmpty() || node.outgoing().isEmpty()) {
            return FlowChoice.take(taken);
        }
        if (node.defaultFlowId() != null) {
            return FlowChoice.take(List.of(process.definition().requireFlow(node.defaultFlowId())));
        }
        List<Refusal.FalseCondition> falseConditions = candidates(node).stream()
                .flatMap(flow -> process.condition(flow).stream()
                        .map(condition -> new Refusal.FalseCondition(flow.id(), condition.source(), condition.valuesIn(variables))))
                .toList();
        return FlowChoice.refuse(Refusal.noOutgoingFlowTaken(node, falseConditions));
    }
}
