package io.ferry.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.definition.Definitions;
import io.ferry.definition.Node;
import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.definition.TimerDefinition;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.CompiledChain;
import io.ferry.plan.MigrationChains;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.TimerRule;
import io.ferry.plan.VariableChange;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Job;
import io.ferry.state.Scope;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class MigrationPropertiesTest {

    private static final List<String> NODE_IDS = List.of("n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7");
    private static final List<String> TASK_IDS = List.of("t0", "t1", "t2", "t3", "t4", "t5");
    private static final List<String> SUB_PROCESS_IDS = List.of("sp0", "sp1", "sp2");
    private static final List<String> VARIABLE_NAMES = List.of("a", "b", "c", "d");

    @Property
    void migratingNeverLeavesANodeIdTheTargetLacks(
            @ForAll("anyState") InstanceState stored, @ForAll("anyNodeMap") Map<String, String> nodeMap,
            @ForAll("anyTarget") ProcessDefinition target) {
        InstanceState copy = copyOf(stored);
        CompiledChain chain = new CompiledChain("p", "1", "2", nodeMap, List.of("plan.yaml"), List.of());

        MigrationResult result = Migration.apply(stored, chain, target);

        Statistics.label("outcome").collect(result.getClass().getSimpleName());
        if (result instanceof MigrationResult.Migrated migrated) {
            Stream.of(migrated.migrated().tokens().stream().map(Token::nodeId),
                            migrated.migrated().tokens().stream().flatMap(token -> token.timers().stream()).map(Timer::nodeId),
                            migrated.migrated().tokens().stream().flatMap(token -> token.subscriptions().stream())
                                    .map(Subscription::nodeId),
                            migrated.migrated().scopes().stream().map(Scope::nodeId))
                    .flatMap(ids -> ids)
                    .forEach(nodeId -> assertThat(target.node(nodeId)).as(nodeId).isPresent());
            assertThat(migrated.migrated().version()).isEqualTo("2");
        } else {
            assertThat(result).isInstanceOfSatisfying(MigrationResult.Blocked.class,
                    blocked -> assertThat(blocked.unplaced()).isNotEmpty());
        }
        assertThat(stored).isEqualTo(copy);
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("Migrated").percentage(percent -> percent > 5);
            coverage.check("Blocked").percentage(percent -> percent > 5);
        });
    }

    /**
     * Against a reference written the plain way, one place at a time: the route blocks exactly the
     * nodes that land nowhere fitting, and otherwise moves every id to what the chain says.
     */
    @Property
    void blocksExactlyTheNodesWithoutAFittingPlace(
            @ForAll("anyState") InstanceState stored, @ForAll("anyNodeMap") Map<String, String> nodeMap,
            @ForAll("anyTarget") ProcessDefinition target, @ForAll boolean renamesTheMessage) {
        // The stored subscriptions wait for "Msg"; the target's message nodes for "Msg" or "Msg2"; the plan may rename.
        CompiledChain chain = new CompiledChain("p", "1", "2", nodeMap, List.of("plan.yaml"), List.of(), Map.of(),
                renamesTheMessage ? Map.of("Msg", "Msg2") : Map.of());
        String renamed = renamesTheMessage ? "Msg2" : "Msg";
        Map<String, String> scopeNodeIds = new LinkedHashMap<>();
        stored.scopes().forEach(scope -> scopeNodeIds.put(scope.id(), chain.newNodeId(scope.nodeId())));
        List<String> expectedUnplaced = new ArrayList<>();
        for (Token token : stored.tokens()) {
            NodeKind.StateHeld needs = switch (token.state()) {
                case USER_TASK -> NodeKind.StateHeld.USER_TASK;
                case TIMER -> NodeKind.StateHeld.TIMER;
                case JOINING -> NodeKind.StateHeld.JOINING_TOKENS;
                case JOB -> NodeKind.StateHeld.JOB;
                case MESSAGE -> NodeKind.StateHeld.MESSAGE;
                case EVENTS -> NodeKind.StateHeld.EVENTS;
                case SCOPE -> NodeKind.StateHeld.SCOPE;
            };
            if (!fits(target, chain.newNodeId(token.nodeId()), needs, scopeNodeIds.get(token.scopeId()))) {
                expectedUnplaced.add(token.nodeId());
            }
            for (Timer timer : token.timers()) {
                boolean boundary = !timer.nodeId().equals(token.nodeId());
                if (boundary && !attachedTo(target, chain.newNodeId(timer.nodeId()), chain.newNodeId(token.nodeId()))) {
                    expectedUnplaced.add(timer.nodeId());
                }
            }
            for (Subscription subscription : token.subscriptions()) {
                boolean boundary = !subscription.nodeId().equals(token.nodeId());
                String landsOn = chain.newNodeId(subscription.nodeId());
                if (boundary && !messageAttachedTo(target, landsOn, chain.newNodeId(token.nodeId()))) {
                    expectedUnplaced.add(subscription.nodeId());
                } else if (target.node(landsOn).map(MigrationPropertiesTest::messageName)
                        .filter(waitsFor -> !waitsFor.equals(renamed)).isPresent()) {
                    expectedUnplaced.add(subscription.nodeId());
                }
            }
        }
        for (Scope scope : stored.scopes()) {
            String parent = scope.parentScopeId() == null ? null : scopeNodeIds.get(scope.parentScopeId());
            if (!fits(target, chain.newNodeId(scope.nodeId()), NodeKind.StateHeld.SCOPE, parent)) {
                expectedUnplaced.add(scope.nodeId());
            }
        }

        MigrationResult result = Routes.of(new MigrationChains(List.of(chain)), List.of(target)).apply(stored, target);

        if (expectedUnplaced.isEmpty()) {
            assertThat(result).isInstanceOf(MigrationResult.Migrated.class);
            InstanceState migrated = ((MigrationResult.Migrated) result).migrated();
            assertThat(migrated.tokens()).map(Token::nodeId)
                    .isEqualTo(stored.tokens().stream().map(token -> chain.newNodeId(token.nodeId())).toList());
            assertThat(migrated.scopes()).map(Scope::nodeId)
                    .isEqualTo(stored.scopes().stream().map(scope -> chain.newNodeId(scope.nodeId())).toList());
        } else {
            assertThat(result).isInstanceOfSatisfying(MigrationResult.Blocked.class, blocked ->
                    assertThat(blocked.unplaced()).map(UnplacedNode::nodeId).isEqualTo(expectedUnplaced));
        }
    }

    private static boolean attachedTo(ProcessDefinition target, String boundaryId, String activityId) {
        return target.node(boundaryId)
                .filter(node -> node.kind() == NodeKind.BOUNDARY_TIMER_EVENT)
                .filter(node -> node.details(NodeDetails.BoundaryTimer.class).attachedToId().equals(activityId))
                .isPresent();
    }

    /** The message a node waits for, or null. */
    private static String messageName(Node node) {
        return switch (node.kind()) {
            case MESSAGE_CATCH_EVENT, RECEIVE_TASK -> node.details(NodeDetails.Message.class).messageName();
            case BOUNDARY_MESSAGE_EVENT -> node.details(NodeDetails.BoundaryMessage.class).message().messageName();
            default -> null;
        };
    }

    private static boolean messageAttachedTo(ProcessDefinition target, String boundaryId, String activityId) {
        return target.node(boundaryId)
                .filter(node -> node.kind() == NodeKind.BOUNDARY_MESSAGE_EVENT)
                .filter(node -> node.details(NodeDetails.BoundaryMessage.class).attachedToId().equals(activityId))
                .isPresent();
    }

    private static boolean fits(ProcessDefinition target, String nodeId, NodeKind.StateHeld needs, String scopeNodeId) {
        return target.node(nodeId)
                .filter(node -> node.kind().stateHeld() == needs)
                .filter(node -> java.util.Objects.equals(node.scopeId(), scopeNodeId))
                .isPresent();
    }

    @Property
    void aComposedChainEqualsApplyingItsPlansOneByOne(
            @ForAll("planSequences") List<MigrationPlan> plans, @ForAll("anyVariables") ObjectNode variables,
            @ForAll("taskTokens") List<Token> tokens, @ForAll("subProcessScopes") List<Scope> scopes) {
        InstanceState stored = new InstanceState("p", "1", InstanceStatus.ACTIVE, tokens, scopes, variables, 0);
        ProcessDefinition current = permissive(String.valueOf(plans.size() + 1));
        CompiledChain composed = MigrationChains.compose(plans, List.of(current)).find("p", "1").orElseThrow();

        InstanceState stepByStep = stored;
        List<String> files = new ArrayList<>();
        for (MigrationPlan plan : plans) {
            MigrationResult step = Migration.apply(stepByStep, CompiledChain.compose(List.of(plan)), permissive(plan.toVersion()));
            stepByStep = ((MigrationResult.Migrated) step).migrated();
            files.addAll(((MigrationResult.Migrated) step).planFiles());
        }
        MigrationResult atOnce = Migration.apply(stored, composed, current);

        assertThat(atOnce).isInstanceOf(MigrationResult.Migrated.class);
        assertThat(((MigrationResult.Migrated) atOnce).migrated()).isEqualTo(stepByStep);
        assertThat(((MigrationResult.Migrated) atOnce).planFiles()).isEqualTo(files);
        for (String nodeId : Stream.concat(TASK_IDS.stream(), SUB_PROCESS_IDS.stream()).toList()) {
            String stepwise = nodeId;
            for (MigrationPlan plan : plans) {
                stepwise = plan.newNodeId(stepwise);
            }
            assertThat(composed.newNodeId(nodeId)).as(nodeId).isEqualTo(stepwise);
        }
    }

    /**
     * A plan that restarts every boundary timer arms, at the migration's moment, each one exactly once for every
     * token resting at its activity, with ids no place of the stored state had, numbered after its last id; a
     * timer a token already holds is restarted, not armed twice.
     */
    @Property
    void restartedBoundaryTimersAreArmedOncePerWaitingTokenWithFreshIds(
            @ForAll("tasksWithBoundaryTimers") ProcessDefinition target, @ForAll("anyVariables") ObjectNode variables,
            @ForAll List<Boolean> holdsATimerAlready) {
        // A token at every task of the target that has boundary timers; some already hold the first one's timer.
        List<Token> tokens = new ArrayList<>();
        for (Node task : target.nodes()) {
            List<Node> boundaries = boundaryTimersOf(target, task.id());
            if (task.kind() != NodeKind.USER_TASK || task.scopeId() != null || boundaries.isEmpty()) {
                continue;
            }
            int index = tokens.size();
            boolean holds = index < holdsATimerAlready.size() && holdsATimerAlready.get(index);
            tokens.add(new Token("t" + index, task.id(), null, TokenState.USER_TASK, holds
                    ? List.of(new Timer("timer" + (index + 20), boundaries.get(0).id(), Instant.parse("2027-01-01T00:00:00Z"),
                            Instant.parse("2027-01-02T00:00:00Z"), 1))
                    : List.of()));
        }
        Assume.that(!tokens.isEmpty());
        InstanceState stored = new InstanceState("p", "1", InstanceStatus.ACTIVE, tokens, List.of(), variables, 40);
        Map<String, TimerRule> restartAll = new LinkedHashMap<>();
        target.nodes().stream().filter(node -> node.kind() == NodeKind.BOUNDARY_TIMER_EVENT)
                .forEach(node -> restartAll.put(node.id(), TimerRule.RESTART));
        CompiledChain chain = new CompiledChain("p", "1", "2", Map.of(), List.of("plan.yaml"), List.of(), restartAll);
        Instant now = Instant.parse("2027-02-01T00:00:00Z");
        Set<String> storedIds = new HashSet<>();
        tokens.forEach(token -> {
            storedIds.add(token.id());
            token.timers().forEach(timer -> storedIds.add(timer.id()));
        });

        MigrationResult result = Route.of(chain, target).apply(stored, now);

        assertThat(result).isInstanceOf(MigrationResult.Migrated.class);
        InstanceState state = ((MigrationResult.Migrated) result).migrated();
        int armed = 0;
        for (Token token : state.tokens()) {
            for (Node boundary : boundaryTimersOf(target, token.nodeId())) {
                assertThat(token.timers()).as("%s at %s", boundary.id(), token.nodeId())
                        .filteredOn(held -> held.nodeId().equals(boundary.id())).singleElement()
                        .satisfies(timer -> {
                            assertThat(timer.armedAt()).isEqualTo(now);
                            assertThat(timer.dueAt()).isEqualTo(now.plusSeconds(3600));
                            assertThat(timer.fired()).isZero();
                        });
            }
            armed += (int) token.timers().stream().filter(timer -> !storedIds.contains(timer.id())).count();
        }
        List<String> ids = state.tokens().stream().flatMap(token -> token.timers().stream()).map(Timer::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(state.lastIdNumber()).isEqualTo(stored.lastIdNumber() + armed);
        Statistics.label("restarted a timer a token held").collect(holdsATimerAlready.stream().limit(tokens.size()).anyMatch(held -> held));
    }

    /** Four user tasks, and one to five timer boundary events, each on any of them. */
    @Provide
    Arbitrary<ProcessDefinition> tasksWithBoundaryTimers() {
        List<String> tasks = List.of("n0", "n1", "n2", "n3");
        return Arbitraries.of(tasks).list().ofMinSize(1).ofMaxSize(5).map(attachedTo -> {
            List<Node> nodes = new ArrayList<>();
            tasks.forEach(task -> nodes.add(Definitions.node(task, NodeKind.USER_TASK)));
            for (int i = 0; i < attachedTo.size(); i++) {
                nodes.add(new Node("b" + i, null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                        new NodeDetails.BoundaryTimer(attachedTo.get(i), i % 2 == 0,
                                new TimerDefinition(TimerDefinition.Type.DURATION, "PT1H"))));
            }
            return Definitions.definition("p", "2", nodes.toArray(Node[]::new));
        });
    }

    private static List<Node> boundaryTimersOf(ProcessDefinition target, String activityId) {
        return target.nodes().stream().filter(node -> node.details() instanceof NodeDetails.BoundaryTimer timer
                && timer.attachedToId().equals(activityId)).toList();
    }

    @Property
    void applyingToACurrentStateChangesNothing(
            @ForAll("anyState") InstanceState stored, @ForAll("anyNodeMap") Map<String, String> nodeMap,
            @ForAll("anyTarget") ProcessDefinition target) {
        InstanceState current = new InstanceState(stored.processId(), target.version(), stored.status(), stored.tokens(),
                stored.scopes(), stored.variables(), stored.lastIdNumber());
        CompiledChain chain = new CompiledChain("p", "1", target.version(), nodeMap, List.of("plan.yaml"),
                List.of(new VariableChange.Remove("a")));

        MigrationResult result = Migration.apply(current, chain, target);

        assertThat(result).isInstanceOfSatisfying(MigrationResult.UpToDate.class,
                upToDate -> assertThat(upToDate.state()).isSameAs(current));
    }

    @Provide
    Arbitrary<ProcessDefinition> anyTarget() {
        Arbitrary<NodeKind> kinds = Arbitraries.of(
                NodeKind.USER_TASK, NodeKind.PARALLEL_GATEWAY, NodeKind.SERVICE_TASK, NodeKind.SEND_TASK, NodeKind.SUB_PROCESS,
                NodeKind.TIMER_CATCH_EVENT, NodeKind.BOUNDARY_TIMER_EVENT, NodeKind.MESSAGE_CATCH_EVENT,
                NodeKind.BOUNDARY_MESSAGE_EVENT);
        Arbitrary<Map<String, NodeKind>> nodeKinds = Arbitraries.maps(Arbitraries.of(NODE_IDS), kinds).ofMinSize(4);
        Arbitrary<Map<String, String>> scopes = Arbitraries.maps(Arbitraries.of(NODE_IDS), Arbitraries.of(NODE_IDS));
        return Combinators.combine(nodeKinds, scopes, Arbitraries.of("Msg", "Msg2")).as((kindById, scopeById, message) -> {
            List<Node> nodes = kindById.entrySet().stream().map(entry -> {
                String scope = scopeById.get(entry.getKey());
                boolean inSubProcess = scope != null && !scope.equals(entry.getKey())
                        && kindById.get(scope) == NodeKind.SUB_PROCESS;
                if (entry.getValue() == NodeKind.BOUNDARY_TIMER_EVENT) {
                    // Attached to a random node: the kind of that node does not matter to migration.
                    return new Node(entry.getKey(), null, NodeKind.BOUNDARY_TIMER_EVENT, null, List.of(), List.of(), null,
                            new NodeDetails.BoundaryTimer(scope == null ? "n0" : scope, true,
                                    new TimerDefinition(TimerDefinition.Type.DURATION, "PT1H")));
                }
                if (entry.getValue() == NodeKind.BOUNDARY_MESSAGE_EVENT) {
                    // Attached like the timers; waiting for the one message name the stored subscriptions carry.
                    return new Node(entry.getKey(), null, NodeKind.BOUNDARY_MESSAGE_EVENT, null, List.of(), List.of(), null,
                            new NodeDetails.BoundaryMessage(scope == null ? "n0" : scope, false,
                                    new NodeDetails.Message(message, "key")));
                }
                if (entry.getValue() == NodeKind.MESSAGE_CATCH_EVENT) {
                    return new Node(entry.getKey(), null, NodeKind.MESSAGE_CATCH_EVENT, inSubProcess ? scope : null, List.of(),
                            List.of(), null, new NodeDetails.Message(message, "key"));
                }
                return Definitions.node(entry.getKey(), entry.getValue(), inSubProcess ? scope : null);
            }).toList();
            return Definitions.definition("p", "2", nodes.toArray(Node[]::new));
        });
    }

    @Provide
    Arbitrary<InstanceState> anyState() {
        Arbitrary<List<String>> scopeNodes = Arbitraries.of(NODE_IDS).list().ofMaxSize(2);
        Arbitrary<List<Boolean>> nested = Arbitraries.of(true, false).list().ofSize(2);
        // A timer token holds its own timer; a user or service task's token, or a sub-process's (SCOPE), may hold one of
        // a boundary event (any node id, or none); a service task's token holds its job.
        Arbitrary<List<Token>> tokens = Combinators.combine(
                        Arbitraries.of(NODE_IDS), Arbitraries.of(TokenState.class), Arbitraries.integers().between(-1, 1),
                        Arbitraries.of(NODE_IDS).injectNull(0.5), Arbitraries.of(NODE_IDS).injectNull(0.5))
                .as((nodeId, state, scopeIndex, boundaryId, boundaryMessageId) -> {
                    String timerNodeId = state == TokenState.TIMER ? nodeId
                            : state == TokenState.USER_TASK || state == TokenState.JOB || state == TokenState.SCOPE ? boundaryId : null;
                    List<Timer> timers = timerNodeId == null ? List.of()
                            : List.of(new Timer("timer-" + nodeId, timerNodeId, Instant.parse("2026-12-31T00:00:00Z"),
                                    Instant.parse("2027-01-01T00:00:00Z"), 0));
                    // A message token holds its own subscription, for the one message name every message node waits for;
                    // a task's or sub-process's token may hold one of a message boundary event (any node id, or none).
                    boolean holdsBoundaries = state == TokenState.USER_TASK || state == TokenState.JOB || state == TokenState.SCOPE;
                    List<Subscription> subscriptions = state == TokenState.MESSAGE
                            ? List.of(new Subscription("sub-" + nodeId, nodeId, "Msg", "k-1"))
                            : holdsBoundaries && boundaryMessageId != null
                                    ? List.of(new Subscription("sub-" + nodeId, boundaryMessageId, "Msg", "k-1")) : List.of();
                    return new Token(null, nodeId, scopeIndex < 0 ? null : "s" + scopeIndex, state, timers,
                            state == TokenState.JOB ? new Job(1, 0, Instant.parse("2027-01-01T00:00:00Z"), "timed out", false) : null,
                            subscriptions);
                })
                .list().ofMaxSize(3);
        return Combinators.combine(scopeNodes, nested, tokens, anyVariables()).as((scopeNodeIds, nestings, tokenList, variables) -> {
            List<Scope> scopes = IntStream.range(0, scopeNodeIds.size())
                    .mapToObj(i -> new Scope("s" + i, scopeNodeIds.get(i), i > 0 && nestings.get(i) ? "s" + (i - 1) : null))
                    .toList();
            List<Token> numbered = IntStream.range(0, tokenList.size())
                    .mapToObj(i -> new Token("t" + i, tokenList.get(i).nodeId(), tokenList.get(i).scopeId(), tokenList.get(i).state(),
                            tokenList.get(i).timers(), tokenList.get(i).job(), tokenList.get(i).subscriptions()))
                    .toList();
            return new InstanceState("p", "1", InstanceStatus.ACTIVE, numbered, scopes, variables, 10);
        });
    }

    @Provide
    Arbitrary<Map<String, String>> anyNodeMap() {
        return Arbitraries.maps(Arbitraries.of(NODE_IDS), Arbitraries.of(NODE_IDS)).ofMaxSize(6);
    }

    @Provide
    Arbitrary<ObjectNode> anyVariables() {
        return Arbitraries.maps(Arbitraries.of(VARIABLE_NAMES), Arbitraries.integers().between(0, 9)).map(values -> {
            ObjectNode variables = JsonNodeFactory.instance.objectNode();
            values.forEach((name, value) -> variables.set(name, IntNode.valueOf(value)));
            return variables;
        });
    }

    @Provide
    Arbitrary<List<Token>> taskTokens() {
        return Arbitraries.of(TASK_IDS).list().ofMaxSize(4).map(nodeIds -> IntStream.range(0, nodeIds.size())
                .mapToObj(i -> new Token("t" + i, nodeIds.get(i), null, TokenState.USER_TASK))
                .toList());
    }

    @Provide
    Arbitrary<List<Scope>> subProcessScopes() {
        return Arbitraries.of(SUB_PROCESS_IDS).list().ofMaxSize(2).map(nodeIds -> IntStream.range(0, nodeIds.size())
                .mapToObj(i -> new Scope("s" + i, nodeIds.get(i), null))
                .toList());
    }

    /** Plans 1→2→…→n+1 that map tasks to tasks and sub-processes to sub-processes, with variable changes. */
    @Provide
    Arbitrary<List<MigrationPlan>> planSequences() {
        Arbitrary<Map<String, String>> taskMaps = Arbitraries.maps(Arbitraries.of(TASK_IDS), Arbitraries.of(TASK_IDS)).ofMaxSize(4);
        Arbitrary<Map<String, String>> subProcessMaps =
                Arbitraries.maps(Arbitraries.of(SUB_PROCESS_IDS), Arbitraries.of(SUB_PROCESS_IDS)).ofMaxSize(2);
        Arbitrary<VariableChange> changes = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(VARIABLE_NAMES), Arbitraries.of(VARIABLE_NAMES)).as(VariableChange.Rename::new),
                Combinators.combine(Arbitraries.of(VARIABLE_NAMES), Arbitraries.integers().between(10, 19))
                        .as((name, value) -> new VariableChange.SetDefault(name, IntNode.valueOf(value))),
                Arbitraries.of(VARIABLE_NAMES).map(VariableChange.Remove::new));
        Arbitrary<PlanParts> parts = Combinators.combine(taskMaps, subProcessMaps, changes.list().ofMaxSize(3)).as(PlanParts::new);
        return parts.list().ofMinSize(1).ofMaxSize(4).map(list -> IntStream.range(0, list.size())
                .mapToObj(i -> list.get(i).plan(i + 1))
                .toList());
    }

    private record PlanParts(Map<String, String> tasks, Map<String, String> subProcesses, List<VariableChange> changes) {
        MigrationPlan plan(int from) {
            Map<String, String> nodes = new LinkedHashMap<>(tasks);
            nodes.putAll(subProcesses);
            return MigrationPlan.of("plans/p-" + from + ".yaml", "p", String.valueOf(from), String.valueOf(from + 1), nodes, changes);
        }
    }

    /** A version where every task id is a user task and every sub-process id a sub-process, so nothing blocks. */
    private static ProcessDefinition permissive(String version) {
        Stream<Node> tasks = TASK_IDS.stream().map(id -> Definitions.node(id, NodeKind.USER_TASK));
        Stream<Node> subProcesses = SUB_PROCESS_IDS.stream().map(id -> Definitions.node(id, NodeKind.SUB_PROCESS));
        return Definitions.definition("p", version, Stream.concat(tasks, subProcesses).toArray(Node[]::new));
    }

    private static InstanceState copyOf(InstanceState state) {
        return new InstanceState(state.processId(), state.version(), state.status(), state.tokens(), state.scopes(),
                state.variables().deepCopy(), state.lastIdNumber());
    }
}
