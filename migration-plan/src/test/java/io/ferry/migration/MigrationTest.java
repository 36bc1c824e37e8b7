package io.ferry.migration;

import static io.ferry.definition.Definitions.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.VariableChange;
import io.ferry.plan.VariableChange.Remove;
import io.ferry.plan.VariableChange.Rename;
import io.ferry.plan.VariableChange.SetDefault;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProcessDefinition TARGET = order("3");

    static ObjectNode variables(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InstanceState state(String version, List<Token> tokens, List<Scope> scopes) {
        return new InstanceState("order", version, InstanceStatus.ACTIVE, tokens, scopes,
                variables("{\"amount\": 12, \"legacyFlag\": true}"), 7);
    }

    static CompiledChain chain(Map<String, String> nodes, VariableChange... changes) {
        return new CompiledChain("order", "1", "3", nodes, List.of("plans/order-1-to-2.yaml", "plans/order-2-to-3.yaml"),
                List.of(changes));
    }

    @Test
    void movesEveryNodeIdAndChangesVariables() {
        InstanceState stored = state("1",
                List.of(new Token("t1", "approveOrder", null, TokenState.USER_TASK),
                        new Token("t2", "oldJoin", null, TokenState.JOINING),
                        new Token("t3", "stockCheck", "s1", TokenState.USER_TASK)),
                List.of(new Scope("s1", "oldChecks", null)));
        CompiledChain chain = chain(Map.of("approveOrder", "reviewOrder", "oldJoin", "join",
                        "stockCheck", "checkStock", "oldChecks", "checks"),
                new Rename("amount", "total"), new SetDefault("currency", TextNode.valueOf("EUR")), new Remove("legacyFlag"));

        MigrationResult result = Migration.apply(stored, chain, TARGET);

        assertThat(result).isInstanceOf(MigrationResult.Migrated.class);
        MigrationResult.Migrated migrated = (MigrationResult.Migrated) result;
        assertThat(migrated.migrated()).isEqualTo(new InstanceState("order", "3", InstanceStatus.ACTIVE,
                List.of(new Token("t1", "reviewOrder", null, TokenState.USER_TASK),
                        new Token("t2", "join", null, TokenState.JOINING),
                        new Token("t3", "checkStock", "s1", TokenState.USER_TASK)),
                List.of(new Scope("s1", "checks", null)),
                variables("{\"total\": 12, \"currency\": \"EUR\"}"), 7));
        assertThat(migrated.movedNodeIds()).containsExactly(
                Map.entry("approveOrder", "reviewOrder"), Map.entry("oldJoin", "join"),
                Map.entry("stockCheck", "checkStock"), Map.entry("oldChecks", "checks"));
        assertThat(migrated.planFiles()).containsExactly("plans/order-1-to-2.yaml", "plans/order-2-to-3.yaml");
        assertThat(stored.variables()).isEqualTo(variables("{\"amount\": 12, \"legacyFlag\": true}"));
    }

    @Test
    void changesVariablesWithoutTouchingTheStoredOnesNestedValuesIncluded() {
        String storedVariables = "{\"customer\": {\"name\": \"Ada\", \"tags\": [\"vip\"]}, \"amount\": 12, \"legacyFlag\": true}";
        InstanceState stored = new InstanceState("order", "1", InstanceStatus.ACTIVE,
                List.of(new Token("t1", "approveOrder", null, TokenState.USER_TASK)), List.of(), variables(storedVariables), 1);
        CompiledChain chain = chain(Map.of("approveOrder", "reviewOrder"),
                new Rename("customer", "buyer"), new SetDefault("currency", TextNode.valueOf("EUR")), new Remove("legacyFlag"));

        MigrationResult result = Migration.apply(stored, chain, TARGET);

        assertThat(((MigrationResult.Migrated) result).migrated().variables()).isEqualTo(
                variables("{\"buyer\": {\"name\": \"Ada\", \"tags\": [\"vip\"]}, \"amount\": 12, \"currency\": \"EUR\"}"));
        assertThat(stored.variables()).isEqualTo(variables(storedVariables));
    }

    @Test
    void blocksWithEveryUnplacedNodeAndChangesNothing() {
        InstanceState stored = state("1",
                List.of(new Token("t1", "approveOrder", null, TokenState.USER_TASK),
                        new Token("t2", "oldJoin", null, TokenState.JOINING),
                        new Token("t3", "stockCheck", "s1", TokenState.USER_TASK),
                        new Token("t4", "signOff", null, TokenState.USER_TASK)),
                List.of(new Scope("s1", "oldChecks", null)));
        CompiledChain chain = chain(Map.of("approveOrder", "notifyCustomer", "oldJoin", "reviewOrder",
                "stockCheck", "signOff"), new Remove("legacyFlag"));

        MigrationResult result = Migration.apply(stored, chain, TARGET);

        assertThat(result).isEqualTo(new MigrationResult.Blocked(List.of(
                new UnplacedNode("approveOrder", "waiting token t1 at 'approveOrder' cannot move to 'notifyCustomer': in version 3 that is a serviceTask, which cannot hold it; map 'approveOrder' to a user task in a migration plan"),
                new UnplacedNode("oldJoin", "joining token t2 at 'oldJoin' cannot move to 'reviewOrder': in version 3 that is a userTask, which cannot hold it; map 'oldJoin' to a parallel or inclusive gateway in a migration plan"),
                new UnplacedNode("stockCheck", "waiting token t3 at 'stockCheck' cannot move to 'signOff': that node lies at process level, but it runs in sub-process 'oldChecks'; map 'stockCheck' to a node in sub-process 'oldChecks' in a migration plan"),
                new UnplacedNode("oldChecks", "sub-process scope s1 at 'oldChecks' cannot move: version 3 of process 'order' has no node 'oldChecks'; map 'oldChecks' to one of its nodes in a migration plan"))));
        assertThat(stored).isEqualTo(state("1", stored.tokens(), stored.scopes()));
    }

    @Test
    void aStateAtTheTargetVersionIsReturnedAsItIs() {
        InstanceState current = state("3", List.of(new Token("t1", "reviewOrder", null, TokenState.USER_TASK)), List.of());

        MigrationResult result = Migration.apply(current, chain(Map.of("reviewOrder", "signOff")), TARGET);

        assertThat(result).isInstanceOf(MigrationResult.UpToDate.class);
        assertThat(((MigrationResult.UpToDate) result).state()).isSameAs(current);
    }

    @Test
    void aVersionNoPlanLeadsFromHasNoChain() {
        InstanceState newer = state("4", List.of(new Token("t1", "reviewOrder", null, TokenState.USER_TASK)), List.of());

        MigrationResult result = Migration.apply(newer, new MigrationChains(List.of(chain(Map.of()))), TARGET);

        assertThat(result).isEqualTo(new MigrationResult.NoChain("order", "4", "3"));
        assertThat(((MigrationResult.NoChain) result).message()).isEqualTo(
                "no migration plan leads from version 4 of process 'order' to version 3: ship a plan from version 4, or run this instance on an application that has version 4");
    }

    @Test
    void findsTheChainForTheStoredVersion() {
        InstanceState stored = state("1", List.of(new Token("t1", "approveOrder", null, TokenState.USER_TASK)), List.of());
        MigrationChains chains = new MigrationChains(List.of(chain(Map.of("approveOrder", "signOff"))));

        MigrationResult result = Migration.apply(stored, chains, TARGET);

        assertThat(result).isInstanceOf(MigrationResult.Migrated.class);
        assertThat(((MigrationResult.Migrated) result).migrated().tokens())
                .containsExactly(new Token("t1", "signOff", null, TokenState.USER_TASK));
    }
}
