package io.ferry.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.definition.Definitions;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The preview counts instances, not tokens: an instance moves when all of its tokens do. */
class MigrationPreviewTest {

    @Test
    void twoInstancesOneWithTwoTokensAreTwoInstances() {
        ProcessDefinition v2 = Definitions.definition("order", "2", Definitions.node("approveOrder", NodeKind.USER_TASK),
                Definitions.node("packParcels", NodeKind.USER_TASK));
        MigrationChains chains = MigrationChains.compose(List.of(MigrationPlan.of("plans/order-1-to-2.yaml", "order", "1", "2",
                Map.of("reviewOrder", "approveOrder", "packItems", "packParcels"), List.of())), List.of(v2));
        Routes routes = Routes.of(chains, List.of(v2));
        MigrationPreview.Place review = new MigrationPreview.Place("reviewOrder", "USER_TASK", null);
        MigrationPreview.Place pack = new MigrationPreview.Place("packItems", "USER_TASK", null);
        MigrationPreview.Place lost = new MigrationPreview.Place("giftWrap", "USER_TASK", null);

        MigrationPreview.Preview preview = MigrationPreview.of(List.of(
                        new MigrationPreview.Shape("order", "1", List.of(review), 1, List.of("a")),
                        new MigrationPreview.Shape("order", "1", List.of(pack, review), 1, List.of("b")),
                        new MigrationPreview.Shape("order", "1", List.of(lost, review), 1, List.of("c")),
                        new MigrationPreview.Shape("order", "2", List.of(review), 5, List.of("d"))),
                processId -> Optional.of(v2), routes::apply);

        assertThat(preview.instancesToMove()).isEqualTo(2);
        assertThat(preview.instancesBlocked()).isEqualTo(1);
        assertThat(preview.versions()).containsExactly(new MigrationPreview.VersionGroup("order", "1", "2", 3, 2, 1));
        assertThat(preview.groups()).extracting(MigrationPreview.NodeGroup::nodeId, MigrationPreview.NodeGroup::instances,
                        MigrationPreview.NodeGroup::tokens, MigrationPreview.NodeGroup::outcome, MigrationPreview.NodeGroup::sampleInstanceIds)
                .containsExactly(
                        tuple("giftWrap", 1L, 1L, "BLOCKS", List.of("c")),
                        tuple("packItems", 1L, 1L, "MOVES", List.of()),
                        tuple("reviewOrder", 3L, 3L, "MOVES", List.of()));
    }

    @Test
    void tokensRestingAtOneJoinAreCountedAsTokensOfOneInstance() {
        ProcessDefinition v2 = Definitions.definition("order", "2", Definitions.node("approveOrder", NodeKind.USER_TASK));
        Routes routes = Routes.of(MigrationChains.compose(List.of(MigrationPlan.of("p.yaml", "order", "1", "2",
                Map.of("reviewOrder", "approveOrder"), List.of())), List.of(v2)), List.of(v2));
        MigrationPreview.Place review = new MigrationPreview.Place("reviewOrder", "USER_TASK", null);

        MigrationPreview.Preview preview = MigrationPreview.of(List.of(
                new MigrationPreview.Shape("order", "1", List.of(review, review), 2, List.of("a", "b"))),
                processId -> Optional.of(v2), routes::apply);

        assertThat(preview.instancesToMove()).isEqualTo(2);
        assertThat(preview.groups()).singleElement().satisfies(group -> {
            assertThat(group.instances()).isEqualTo(2);
            assertThat(group.tokens()).isEqualTo(4);
            assertThat(group.targetNodeId()).isEqualTo("approveOrder");
        });
    }
}
