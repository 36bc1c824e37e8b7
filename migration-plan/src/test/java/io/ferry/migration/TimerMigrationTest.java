package io.ferry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.Definitions;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.TimerDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A timer is a place a node id lives: it moves with the plan and keeps its id, due time and count. */
class TimerMigrationTest {

    private static final Instant ARMED = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant DUE = Instant.parse("2027-01-07T09:00:00Z");
    private static final TimerDefinition THREE_DAYS = new TimerDefinition(TimerDefinition.Type.DURATION, "P3D");

    private static ProcessDefinition target(String attachedTo) {
        return Definitions.definition("claim", "2",
                Definitions.node("assess", NodeKind.USER_TASK),
                new Node("slaExpired", null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryTimer(attachedTo, true, THREE_DAYS)),
                new Node("coolingOff", null, NodeKind.TIMER_CATCH_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.Timer(THREE_DAYS)));
    }

    private static InstanceState stored() {
        return new InstanceState("claim", "1", InstanceStatus.ACTIVE, List.of(
                new Token("t2", "review", null, TokenState.USER_TASK, List.of(new Timer("timer3", "tooLate", ARMED, DUE, 0))),
                new Token("t4", "wait", null, TokenState.TIMER, List.of(new Timer("timer5", "wait", ARMED, DUE, 1)))),
                List.of(), Definitions.noVariables(), 5);
    }

    private static CompiledChain chain() {
        return new CompiledChain("claim", "1", "2", Map.of("review", "assess", "tooLate", "slaExpired", "wait", "coolingOff"),
                List.of("plans/claim-1-to-2.yaml"), List.of());
    }

    @Test
    void timersMoveWithTheirTokensAndKeepTheirDueTimes() {
        MigrationResult result = Migration.apply(stored(), chain(), target("assess"));

        assertThat(result).isInstanceOf(MigrationResult.Migrated.class);
        assertThat(((MigrationResult.Migrated) result).migrated().tokens()).containsExactly(
                new Token("t2", "assess", null, TokenState.USER_TASK, List.of(new Timer("timer3", "slaExpired", ARMED, DUE, 0))),
                new Token("t4", "coolingOff", null, TokenState.TIMER, List.of(new Timer("timer5", "coolingOff", ARMED, DUE, 1))));
    }

    @Test
    void aBoundaryTimerThatLandsOnABoundaryEventOfAnotherTaskBlocksTheInstance() {
        MigrationResult result = Migration.apply(stored(), chain(), target("somewhereElse"));

        assertThat(result).isInstanceOfSatisfying(MigrationResult.Blocked.class, blocked -> assertThat(blocked.unplaced())
                .containsExactly(new UnplacedNode("tooLate", "timer of boundary event 'tooLate' cannot move to 'slaExpired': "
                        + "in version 2 that is not a timer boundary event attached to 'assess'; map 'tooLate' to a timer "
                        + "boundary event of 'assess' in a migration plan")));
    }
}
