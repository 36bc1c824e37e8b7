package io.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ferry.definition.Node;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.bpmn.BpmnReadResult;
import io.ferry.bpmn.BpmnReader;
import io.ferry.migration.Migration;
import io.ferry.migration.MigrationResult;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.PlanChecker;
import io.ferry.plan.PlanReadResult;
import io.ferry.plan.PlanReader;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Job;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference application's worked example: version 1 of the order process lives only here, as
 * a test fixture; the image ships version 2 and plans/order-1-to-2.yaml. Wherever a version 1
 * instance can rest, the plan must give it a place in version 2.
 */
class OrderPlanCoversVersion1Test {

    @Test
    void everyPlaceAVersion1InstanceCanRestHasAPlaceInVersion2() throws Exception {
        ProcessDefinition v1 = read("src/test/resources/fixtures/order-v1.bpmn");
        ProcessDefinition v2 = read("src/main/resources/processes/order.bpmn");
        MigrationPlan plan = ((PlanReadResult.Read) PlanReader.read("plans/order-1-to-2.yaml",
                Files.readString(Path.of("plans/order-1-to-2.yaml")))).plan();
        assertThat(PlanChecker.check(List.of(plan), List.of(v2))).isEmpty();
        MigrationChains chains = MigrationChains.compose(List.of(plan), List.of(v2));

        List<Node> restingPlaces = v1.nodes().stream()
                .filter(node -> node.kind().stateHeld() != NodeKind.StateHeld.NONE)
                .toList();
        assertThat(restingPlaces).extracting(Node::id).contains("reviewOrder", "chargePayment", "packItems", "ready", "shipping", "shipOrder");
        for (Node node : restingPlaces) {
            MigrationResult result = Migration.apply(stateAt(v1, node), chains, v2);
            assertThat(result).as("a version 1 instance at '%s'", node.id()).isInstanceOf(MigrationResult.Migrated.class);
        }
    }

    private static InstanceState stateAt(ProcessDefinition v1, Node node) {
        List<Scope> scopes = node.scopeId() == null ? List.of() : List.of(new Scope("s1", node.scopeId(), null));
        String scopeId = node.scopeId() == null ? null : "s1";
        if (node.kind() == NodeKind.SUB_PROCESS) {
            return new InstanceState(v1.id(), v1.version(), InstanceStatus.ACTIVE,
                    List.of(new Token("t1", "shipOrder", "s1", TokenState.USER_TASK)), List.of(new Scope("s1", node.id(), null)),
                    JsonNodeFactory.instance.objectNode(), 1);
        }
        Token token = switch (node.kind().stateHeld()) {
            case USER_TASK -> new Token("t1", node.id(), scopeId, TokenState.USER_TASK);
            case JOB -> new Token("t1", node.id(), scopeId, TokenState.JOB, List.of(),
                    new Job(1, 0, Instant.parse("2027-01-04T09:00:00Z"), "timed out", false));
            default -> new Token("t1", node.id(), scopeId, TokenState.JOINING);
        };
        return new InstanceState(v1.id(), v1.version(), InstanceStatus.ACTIVE, List.of(token), scopes,
                JsonNodeFactory.instance.objectNode(), 1);
    }

    private static ProcessDefinition read(String file) throws Exception {
        BpmnReadResult result = BpmnReader.read(file, Files.readAllBytes(Path.of(file)));
        assertThat(result.problems()).isEmpty();
        return result.definitions().get(0);
    }
}
