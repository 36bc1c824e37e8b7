package io.ferry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.definition.Definitions;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.definition.TimerDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.TimerRule;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A timer is a place a node id lives: it moves with the plan and keeps its id, due time and count. */
class TimerMigrationTest {

    private static final Instant ARMED = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant DUE = Instant.parse("2027-01-07T09:00:00Z");

    private static ProcessDefinition target(String attachedTo) {
        return target(attachedTo, "P3D");
    }

    private static ProcessDefinition target(String attachedTo, String duration) {
        TimerDefinition timer = new TimerDefinition(TimerDefinition.Type.DURATION, duration);
        return Definitions.definition("claim", "2",
                Definitions.node("assess", NodeKind.USER_TASK),
                new Node("slaExpired", null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryTimer(attachedTo, true, timer)),
                new Node("coolingOff", null, NodeKind.TIMER_CATCH_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.Timer(timer)));
    }

    private static InstanceState stored() {
        return new InstanceState("claim", "1", InstanceStatus.ACTIVE, List.of(
                new Token("t2", "review", null, TokenState.USER_TASK, List.of(new Timer("timer3", "tooLate", ARMED, DUE, 0))),
                new Token("t4", "wait", null, TokenState.TIMER, List.of(new Timer("timer5", "wait", ARMED, DUE, 1)))),
                List.of(), Definitions.noVariables(), 5);
    }

    private static CompiledChain chain() {
        return chain(Map.of());
    }

    private static CompiledChain chain(Map<String, TimerRule> rules) {
        return new CompiledChain("claim", "1", "2", Map.of("review", "assess", "tooLate", "slaExpired", "wait", "coolingOff"),
                List.of("plans/claim-1-to-2.yaml"), List.of(), rules);
    }

    @Test
    void aRescheduledTimerCountsTheNewTimerFromWhenItWasArmed() {
        // armed at 09:00 on the 4th for three days; the new version's events wait three days too, with a cycle counted
        MigrationResult result = Route.of(chain(Map.of("slaExpired", TimerRule.RESCHEDULE)), target("assess", "P1D"))
                .apply(stored(), Instant.parse("2027-01-05T12:00:00Z"));

        Timer rescheduled = ((MigrationResult.Migrated) result).migrated().tokens().get(0).timers().get(0);
        assertThat(rescheduled).isEqualTo(new Timer("timer3", "slaExpired", ARMED, Instant.parse("2027-01-05T09:00:00Z"), 0));
    }

    @Test
    void aRestartedTimerCountsTheNewTimerFromTheMigrationAndForgetsItsRepetitions() {
        Instant now = Instant.parse("2027-01-05T12:00:00Z");
        MigrationResult result = Route.of(chain(Map.of("coolingOff", TimerRule.RESTART)), target("assess", "P1D"))
                .apply(stored(), now);

        List<Token> tokens = ((MigrationResult.Migrated) result).migrated().tokens();
        assertThat(tokens.get(0).timers().get(0).dueAt()).as("kept: no rule for slaExpired").isEqualTo(DUE);
        assertThat(tokens.get(1).timers()).containsExactly(new Timer("timer5", "coolingOff", now, now.plus(Duration.ofDays(1)), 0));
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

    /**
     * A sub-process's boundary timer rests on the token at the sub-process: both move with the plan, the scope
     * with them, and the scope still names its token.
     */
    @Test
    void aSubProcessTimerMovesWithItsTokenAndScope() {
        TimerDefinition sla = new TimerDefinition(TimerDefinition.Type.DURATION, "P2D");
        ProcessDefinition target = Definitions.definition("claim", "2",
                Definitions.node("settle", NodeKind.SUB_PROCESS),
                new Node("assess", null, NodeKind.USER_TASK, "settle", List.of(), List.of(), null, NodeDetails.None.NONE),
                new Node("slaExpired", null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryTimer("settle", true, sla)));
        InstanceState stored = new InstanceState("claim", "1", InstanceStatus.ACTIVE, List.of(
                new Token("t2", "handle", null, TokenState.SCOPE, List.of(new Timer("timer3", "tooLate", ARMED, DUE, 0))),
                new Token("t6", "review", "s4", TokenState.USER_TASK)),
                List.of(new io.ferry.state.Scope("s4", "handle", null, "t2")), Definitions.noVariables(), 6);
        CompiledChain chain = new CompiledChain("claim", "1", "2",
                Map.of("handle", "settle", "review", "assess", "tooLate", "slaExpired"), List.of("plans/claim-1-to-2.yaml"), List.of());

        MigrationResult result = Migration.apply(stored, chain, target);

        assertThat(result).isInstanceOf(MigrationResult.Migrated.class);
        InstanceState migrated = ((MigrationResult.Migrated) result).migrated();
        assertThat(migrated.tokens()).containsExactly(
                new Token("t2", "settle", null, TokenState.SCOPE, List.of(new Timer("timer3", "slaExpired", ARMED, DUE, 0))),
                new Token("t6", "assess", "s4", TokenState.USER_TASK));
        assertThat(migrated.scopes()).containsExactly(new io.ferry.state.Scope("s4", "settle", null, "t2"));
    }

    /**
     * A version adds a boundary timer to a task: a token already waiting there gets it only if the plan says
     * {@code restart} for it, counted from the migration, with an id after every id the state used.
     */
    @Test
    void aRestartedBoundaryTimerNewInTheVersionIsArmedForATokenAlreadyWaiting() {
        InstanceState stored = new InstanceState("claim", "1", InstanceStatus.ACTIVE, List.of(
                new Token("t2", "review", null, TokenState.USER_TASK)), List.of(), Definitions.noVariables(), 5);
        CompiledChain restarting = new CompiledChain("claim", "1", "2", Map.of("review", "assess"),
                List.of("plans/claim-1-to-2.yaml"), List.of(), Map.of("slaExpired", TimerRule.RESTART));
        CompiledChain keeping = new CompiledChain("claim", "1", "2", Map.of("review", "assess"),
                List.of("plans/claim-1-to-2.yaml"), List.of());
        Instant now = Instant.parse("2027-01-05T12:00:00Z");

        InstanceState armed = ((MigrationResult.Migrated) Route.of(restarting, target("assess", "P1D")).apply(stored, now)).migrated();
        InstanceState unarmed = ((MigrationResult.Migrated) Route.of(keeping, target("assess", "P1D")).apply(stored, now)).migrated();

        assertThat(armed.tokens()).containsExactly(new Token("t2", "assess", null, TokenState.USER_TASK,
                List.of(new Timer("timer6", "slaExpired", now, now.plus(Duration.ofDays(1)), 0))));
        assertThat(armed.lastIdNumber()).isEqualTo(6);
        assertThat(unarmed.tokens()).as("keep, the default, arms nothing").containsExactly(
                new Token("t2", "assess", null, TokenState.USER_TASK));
        assertThat(unarmed.lastIdNumber()).isEqualTo(5);
        assertThat(Route.of(restarting, target("assess", "P1D")).apply(stored).toString())
                .as("without a moment (a preview of routes only) nothing is armed")
                .doesNotContain("timer6");
    }

    @Test
    void aRestartedBoundaryTimerThatTheTokenHoldsIsRestartedNotArmedTwice() {
        Instant now = Instant.parse("2027-01-05T12:00:00Z");
        MigrationResult result = Route.of(chain(Map.of("slaExpired", TimerRule.RESTART)), target("assess", "P1D"))
                .apply(stored(), now);

        InstanceState migrated = ((MigrationResult.Migrated) result).migrated();
        assertThat(migrated.tokens().get(0).timers()).containsExactly(
                new Timer("timer3", "slaExpired", now, now.plus(Duration.ofDays(1)), 0));
        assertThat(migrated.lastIdNumber()).isEqualTo(5);
    }

    @Test
    void aRestartedBoundaryTimerWhoseVariableHoldsNoTimerBlocksTheInstance() {
        TimerDefinition fromVariable = new TimerDefinition(TimerDefinition.Type.DURATION, "${slaDuration}");
        ProcessDefinition target = Definitions.definition("claim", "2",
                Definitions.node("assess", NodeKind.USER_TASK),
                new Node("slaExpired", null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryTimer("assess", true, fromVariable)));
        InstanceState stored = new InstanceState("claim", "1", InstanceStatus.ACTIVE, List.of(
                new Token("t2", "review", null, TokenState.USER_TASK)), List.of(), Definitions.noVariables(), 5);
        CompiledChain chain = new CompiledChain("claim", "1", "2", Map.of("review", "assess"),
                List.of("plans/claim-1-to-2.yaml"), List.of(), Map.of("slaExpired", TimerRule.RESTART));

        MigrationResult result = Route.of(chain, target).apply(stored, Instant.parse("2027-01-05T12:00:00Z"));

        assertThat(result).isInstanceOfSatisfying(MigrationResult.Blocked.class, blocked -> assertThat(blocked.unplaced())
                .containsExactly(new UnplacedNode("assess", "the plan restarts the timer of boundary event 'slaExpired' "
                        + "(version 2), but it cannot be armed for the task at 'assess': variable 'slaDuration' does not hold "
                        + "an ISO 8601 duration, e.g. PT15M or P2D; give the variable a valid value in the plan (variables:), or drop "
                        + "the timer rule of 'slaExpired'")));
    }

    /**
     * A sub-process entered under a version whose sub-process had no boundary events has no token resting at it.
     * When the new version hangs a restarted timer and a message on it, a token now rests there with both, and
     * the scope names it: the sub-process can be interrupted as if it had been entered under the new version.
     */
    @Test
    void aSubProcessGainingBoundaryEventsGetsATokenRestingAtItWithThem() {
        ProcessDefinition target = Definitions.definition("claim", "2",
                Definitions.node("settle", NodeKind.SUB_PROCESS),
                new Node("assess", null, NodeKind.USER_TASK, "settle", List.of(), List.of(), null, NodeDetails.None.NONE),
                new Node("slaExpired", null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryTimer("settle", true, new TimerDefinition(TimerDefinition.Type.DURATION, "P2D"))),
                new Node("withdrawn", null, NodeKind.BOUNDARY_MESSAGE_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryMessage("settle", true, new NodeDetails.Message("ClaimWithdrawn", "claimId"))));
        com.fasterxml.jackson.databind.node.ObjectNode variables = Definitions.noVariables().deepCopy();
        variables.put("claimId", "c-7");
        InstanceState stored = new InstanceState("claim", "1", InstanceStatus.ACTIVE, List.of(
                new Token("t6", "review", "s4", TokenState.USER_TASK)),
                List.of(new io.ferry.state.Scope("s4", "handle", null, null)), variables, 6);
        CompiledChain chain = new CompiledChain("claim", "1", "2", Map.of("handle", "settle", "review", "assess"),
                List.of("plans/claim-1-to-2.yaml"), List.of(), Map.of("slaExpired", TimerRule.RESTART));
        Instant now = Instant.parse("2027-01-05T12:00:00Z");

        InstanceState migrated = ((MigrationResult.Migrated) Route.of(chain, target).apply(stored, now)).migrated();

        assertThat(migrated.tokens()).containsExactly(
                new Token("t6", "assess", "s4", TokenState.USER_TASK),
                new Token("t7", "settle", null, TokenState.SCOPE, List.of(new Timer("timer8", "slaExpired", now, now.plus(Duration.ofDays(2)), 0)),
                        null, List.of(new io.ferry.state.Subscription("sub9", "withdrawn", "ClaimWithdrawn", "c-7"))));
        assertThat(migrated.scopes()).containsExactly(new io.ferry.state.Scope("s4", "settle", null, "t7"));
        assertThat(migrated.lastIdNumber()).isEqualTo(9);
        assertThat(((MigrationResult.Migrated) Route.of(new CompiledChain("claim", "1", "2",
                        Map.of("handle", "settle", "review", "assess"), List.of("plans/claim-1-to-2.yaml"), List.of()),
                Definitions.definition("claim", "2", Definitions.node("settle", NodeKind.SUB_PROCESS),
                        new Node("assess", null, NodeKind.USER_TASK, "settle", List.of(), List.of(), null, NodeDetails.None.NONE)))
                .apply(stored, now)).migrated().scopes())
                .as("no boundary events: no token, as before")
                .containsExactly(new io.ferry.state.Scope("s4", "settle", null, null));
    }
}
